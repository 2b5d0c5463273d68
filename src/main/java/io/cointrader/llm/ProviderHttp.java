package io.cointrader.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The HTTP half shared by the API-key clients: one JSON POST bounded by the timeout, transport
 * failures turned into {@link LlmException}s, and every text that came from the server scrubbed of
 * the key before it reaches an exception message.
 */
final class ProviderHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_SERVER_TEXT = 300;
    private static final Pattern KEY_SHAPES =
            Pattern.compile("(?:sk-[A-Za-z0-9_*.-]{6,}|(?i:bearer)\\s+\\S+|eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_.-]+)");

    private final String provider;
    private final HttpClient http;
    private final Secret key;
    private final Duration timeout;

    ProviderHttp(String provider, HttpClient http, Secret key, Duration timeout) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.http = Objects.requireNonNull(http, "http");
        this.key = Objects.requireNonNull(key, "key");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The URI {@code base + "/" + path}, tolerating a trailing slash on the base. */
    static URI endpoint(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    Secret key() {
        return key;
    }

    /** POSTs {@code body} as JSON. */
    HttpResponse<String> post(HttpRequest.Builder request, JsonNode body) {
        HttpRequest built = request.timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new LlmException(
                    LlmException.Kind.TIMEOUT, provider + ": no answer within " + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw LlmException.transport(provider, built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, provider + ": interrupted while waiting");
        }
    }

    /** Reads a success body; a body that is not JSON is a {@code MALFORMED} reply. */
    JsonNode readBody(String body, String requestId) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed("the reply is not a JSON object", requestId);
            }
            return root;
        } catch (JsonProcessingException e) {
            // the parser's message quotes the body, which may echo anything: keep it out
            throw malformed("the reply is not valid JSON", requestId);
        }
    }

    LlmException malformed(String what, String requestId) {
        return new LlmException(LlmException.Kind.MALFORMED, message(what, requestId));
    }

    /** {@code "<provider>: <what> [request id ...]"} with {@code what} scrubbed. */
    String message(String what, String requestId) {
        String text = provider + ": " + scrub(what);
        return requestId == null ? text : text + " [request id " + scrub(requestId) + "]";
    }

    /** Server text made safe for a message: no key, nothing key-shaped, one line, bounded length. */
    String scrub(String serverText) {
        if (serverText == null) {
            return "";
        }
        String text = serverText;
        String secret = key.reveal();
        if (!secret.isEmpty()) {
            text = text.replace(secret, "***");
        }
        text = KEY_SHAPES.matcher(text).replaceAll("***");
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_SERVER_TEXT ? text : text.substring(0, MAX_SERVER_TEXT) + "...";
    }
}
