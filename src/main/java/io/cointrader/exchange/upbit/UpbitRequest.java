package io.cointrader.exchange.upbit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One REST call: path below the base URL, query parameters in sending order (a name may repeat, as
 * in {@code states[]=wait&states[]=done}) and the rate-limit group it counts against.
 */
public record UpbitRequest(String method, String path, List<Param> query, RateGroup group) {

    /** One query parameter, unencoded. */
    public record Param(String name, String value) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public UpbitRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(group, "group");
        if (path == null || !path.startsWith("/v1/") || path.contains("?")) {
            throw new IllegalArgumentException("path must start with /v1/ and carry no query, got " + path);
        }
        query = List.copyOf(query);
    }

    /** A GET with {@code name, value} pairs, e.g. {@code get("/v1/ticker", TICKER, "markets", "KRW-BTC")}. */
    public static UpbitRequest get(String path, RateGroup group, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("query needs name/value pairs");
        }
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.add(new Param(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new UpbitRequest("GET", path, params, group);
    }

    /** The query as sent on the wire: percent-encoded UTF-8, spaces as {@code %20}. */
    public String rawQuery() {
        return query.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    /** Short label for logs and exception messages; never includes headers. */
    String label() {
        return "Upbit " + method + " " + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
