package io.cointrader.notify;

import io.cointrader.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One Slack incoming webhook: posts a JSON payload and reads the reply. The URL is the credential, so
 * it is kept only inside the request; messages name the host alone.
 */
final class SlackWebhook {

    private final URI uri;
    private final String host;
    private final HttpClient http;
    private final Duration timeout;

    SlackWebhook(Secret url, HttpClient http, Duration timeout) {
        this.uri = parse(url);
        this.host = uri.getHost();
        this.http = http;
        this.timeout = timeout;
    }

    /** The host only, safe for logs ("hooks.slack.com"). */
    String host() {
        return host;
    }

    /** Posts the payload; I/O failures are thrown, replies of any status are returned. */
    SlackReply post(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(json), HttpResponse.BodyHandlers.ofString());
        return SlackReply.of(
                response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    }

    /** Like {@link #post} but for the self-test: never throws, reports what happened. */
    SlackCheck check(String json) {
        try {
            HttpResponse<String> response = http.send(request(json), HttpResponse.BodyHandlers.ofString());
            return SlackCheck.replied(response.statusCode(), response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return SlackCheck.failed(interrupted);
        } catch (IOException | RuntimeException failure) {
            return SlackCheck.failed(failure);
        }
    }

    private HttpRequest request(String json) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private static URI parse(Secret url) {
        URI parsed;
        try {
            parsed = URI.create(url.reveal().strip());
        } catch (IllegalArgumentException invalid) {
            // The parser's message quotes the URL, so neither it nor the cause is passed on.
            throw new IllegalArgumentException("the Slack webhook URL is not a valid URL");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || parsed.getHost() == null) {
            throw new IllegalArgumentException("the Slack webhook URL must be an http(s) URL with a host");
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "SlackWebhook[" + host + "]";
    }
}
