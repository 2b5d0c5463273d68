package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A browser stand-in: keeps the {@code ct_session} cookie and the CSRF token by hand. */
final class Browser {

    /** One answer, with every header, for assertions. */
    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        List<String> setCookies() {
            return response.headers().allValues("Set-Cookie");
        }

        /** The status, every header and the body, for leak checks. */
        String everything() {
            return status + " " + response.headers().map() + " " + body;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final List<String> extraHeaders = new ArrayList<>();
    String sessionId;
    String csrfToken;

    Browser(GuardedApp app) {
        this.base = app.base();
    }

    /** Sends these headers with every later request. */
    Browser with(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    /** {@code GET /api/session}, keeping the cookie and the token. */
    Answer openSession() {
        Answer answer = get("/api/session");
        assertThat(answer.status()).isEqualTo(200);
        csrfToken = answer.json().path("csrf_token").asText();
        return answer;
    }

    /** {@code POST /api/login}, keeping the new cookie and token on success. */
    Answer login(String code) {
        Answer answer = postJson("/api/login", "{\"code\":\"" + code + "\"}");
        if (answer.status() == 200) {
            csrfToken = answer.json().path("csrf_token").asText();
        }
        return answer;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer postJson(String path, String json) {
        return post(path, json, "application/json", csrfToken);
    }

    Answer post(String path, String body, String contentType, String token, String... headers) {
        HttpRequest.Builder builder = request(path)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (token != null) {
            builder.header(WebSecurity.CSRF_HEADER, token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (sessionId != null) {
            builder.header("Cookie", WebSecurity.COOKIE + "=" + sessionId);
        }
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            builder.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith(WebSecurity.COOKIE + "=")) {
                    String value =
                            cookie.substring(WebSecurity.COOKIE.length() + 1).split(";", 2)[0];
                    sessionId = value.isEmpty() ? null : value;
                }
            }
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
