package io.cointrader.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.sim.SimFixtures.TestAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain HTTP to the simulator with {@link java.net.http.HttpClient}, signing with {@link TestJwt}. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SimClient(URI base) {
        this.base = base;
    }

    /** A public GET of {@code pathAndQuery} as written (already encoded). */
    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** A signed GET; parameters are name/value pairs, hashed unencoded and sent encoded. */
    HttpResponse<String> signedGet(TestAccount account, String path, String... namesAndValues) {
        return signedQuery("GET", account, path, namesAndValues);
    }

    HttpResponse<String> signedDelete(TestAccount account, String path, String... namesAndValues) {
        return signedQuery("DELETE", account, path, namesAndValues);
    }

    /** A signed POST with a JSON body of string fields in the given order. */
    HttpResponse<String> signedPost(TestAccount account, String path, String... namesAndValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        String hash = namesAndValues.length == 0 ? null : hashSource(namesAndValues);
        String auth = TestJwt.bearer(TestJwt.Claims.of(account.accessKey(), hash), account.secret(), "HS512");
        return send("POST", path, body.toString(), auth);
    }

    /** Places a limit order; the fields in Upbit's documented order. */
    HttpResponse<String> placeLimit(
            TestAccount account, String market, String side, String volume, String price, String identifier) {
        return signedPost(
                account,
                "/v1/orders",
                "market",
                market,
                "side",
                side,
                "volume",
                volume,
                "price",
                price,
                "ord_type",
                "limit",
                "identifier",
                identifier);
    }

    HttpResponse<String> signedQuery(String method, TestAccount account, String path, String... namesAndValues) {
        String hash = namesAndValues.length == 0 ? null : hashSource(namesAndValues);
        String auth = TestJwt.bearer(TestJwt.Claims.of(account.accessKey(), hash), account.secret(), "HS512");
        String query = namesAndValues.length == 0 ? "" : "?" + encodedQuery(namesAndValues);
        return send(method, path + query, null, auth);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String authorization) {
        return send(request(method, pathAndQuery, body, authorization, Duration.ofSeconds(10)));
    }

    HttpRequest request(String method, String pathAndQuery, String body, String authorization, Duration timeout) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return builder.method(method, publisher).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without wrapping the I/O failure, for tests that expect one. */
    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String errorName(HttpResponse<String> response) {
        return json(response).path("error").path("name").asText();
    }

    static String hashSource(String... namesAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parts.add(namesAndValues[i] + "=" + namesAndValues[i + 1]);
        }
        return String.join("&", parts);
    }

    static String encodedQuery(String... namesAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parts.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return String.join("&", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
