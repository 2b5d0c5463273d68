package io.cointrader.exchange.upbit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One REST call: path below the base URL, parameters in sending order and the rate-limit group it
 * counts against. GET and DELETE carry their parameters in {@code query} (a name may repeat, as in
 * {@code states[]=wait&states[]=done}); POST carries them in {@code body}, sent as a JSON object of
 * string fields in the same order.
 *
 * <p>The one ordered parameter list is the source of both what is sent and what is signed: {@link
 * #hashSource()} joins it unencoded, {@link #rawQuery()} and {@link #jsonBody()} render the same list
 * for the wire, so the two cannot drift apart.
 */
public record UpbitRequest(String method, String path, List<Param> query, RateGroup group, List<Param> body) {

    /** One parameter, unencoded. */
    public record Param(String name, String value) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** An array parameter as Upbit wants it: the key {@code name[]} repeated once per value. */
        public static List<Param> array(String name, List<String> values) {
            return values.stream().map(v -> new Param(name + "[]", v)).toList();
        }
    }

    public UpbitRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(group, "group");
        if (path == null || !path.startsWith("/v1/") || path.contains("?")) {
            throw new IllegalArgumentException("path must start with /v1/ and carry no query, got " + path);
        }
        query = List.copyOf(query);
        body = List.copyOf(body);
        if (method.equals("POST") && !query.isEmpty()) {
            throw new IllegalArgumentException("a POST sends its parameters in the body, not the query");
        }
        if (!body.isEmpty()) {
            requireJsonFields(method, body);
        }
    }

    /** A request without a body. */
    public UpbitRequest(String method, String path, List<Param> query, RateGroup group) {
        this(method, path, query, group, List.of());
    }

    /** A GET with {@code name, value} pairs, e.g. {@code get("/v1/ticker", TICKER, "markets", "KRW-BTC")}. */
    public static UpbitRequest get(String path, RateGroup group, String... namesAndValues) {
        return new UpbitRequest("GET", path, params(namesAndValues), group);
    }

    /** A GET with the parameters in this order (use {@link Param#array} for arrays). */
    public static UpbitRequest get(String path, RateGroup group, List<Param> query) {
        return new UpbitRequest("GET", path, query, group);
    }

    /** A DELETE; Upbit wants its parameters in the query string only, never in a body. */
    public static UpbitRequest delete(String path, RateGroup group, List<Param> query) {
        return new UpbitRequest("DELETE", path, query, group);
    }

    /** A POST whose JSON body has these string fields in this order. */
    public static UpbitRequest post(String path, RateGroup group, List<Param> body) {
        return new UpbitRequest("POST", path, List.of(), group, body);
    }

    /** {@code name, value, name, value, ...} as a parameter list. */
    public static List<Param> params(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("query needs name/value pairs");
        }
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.add(new Param(namesAndValues[i], namesAndValues[i + 1]));
        }
        return params;
    }

    /**
     * What Upbit's {@code query_hash} covers: the body fields for a POST, else the query, as {@code
     * k1=v1&k2=v2} in sending order and <b>not</b> percent-encoded ({@code +09:00} stays {@code
     * +09:00}, {@code states[]} keeps its brackets). Empty when there are no parameters.
     */
    public String hashSource() {
        return (body.isEmpty() ? query : body)
                .stream().map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("&"));
    }

    /** The query as sent on the wire: percent-encoded UTF-8, spaces as {@code %20}. */
    public String rawQuery() {
        return query.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    boolean hasBody() {
        return !body.isEmpty();
    }

    /** The body as a JSON object of string fields, in {@link #body()} order. */
    byte[] jsonBody() {
        return UpbitJson.objectOfStrings(body);
    }

    /** Short label for logs and exception messages; never includes headers or parameters. */
    String label() {
        return "Upbit " + method + " " + path;
    }

    private static void requireJsonFields(String method, List<Param> body) {
        if (!method.equals("POST")) {
            throw new IllegalArgumentException("only a POST carries a body, not " + method);
        }
        Set<String> names = new HashSet<>();
        for (Param p : body) {
            if (p.name().endsWith("[]") || !names.add(p.name())) {
                throw new IllegalArgumentException("body field names must be unique and plain: " + p.name());
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
