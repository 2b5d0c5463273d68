package io.cointrader.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as read off the wire, before anything is decided about it.
 *
 * @param body null when larger than {@link #MAX_BODY_BYTES}
 * @param token the bearer JWT taken apart but not verified, for rate-limit accounting and the log
 */
record Incoming(
        String method,
        String path,
        String rawQuery,
        byte[] body,
        String authorization,
        Optional<JwtToken> token,
        String remoteIp,
        Instant receivedAt) {

    static final int MAX_BODY_BYTES = 64 * 1024;

    static Incoming read(HttpExchange http, Instant receivedAt) {
        String authorization = http.getRequestHeaders().getFirst("Authorization");
        return new Incoming(
                http.getRequestMethod().toUpperCase(Locale.ROOT),
                http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(),
                readBody(http),
                authorization,
                JwtToken.read(authorization),
                http.getRemoteAddress().getAddress().getHostAddress(),
                receivedAt);
    }

    /** The JWT's access key, verified or not; null without a readable token. */
    String accessKey() {
        return token.flatMap(t -> t.claim("access_key")).orElse(null);
    }

    /**
     * Who a request counts against, for its budget and a 418 block: the IP for quotation groups, the
     * access key for exchange groups. An exchange call without a readable key counts against its IP
     * in the exchange scope, never against the IP's market data budget or block.
     */
    String caller(SimRateGroup group) {
        if (group.perIp()) {
            return "quotation ip:" + remoteIp;
        }
        String key = accessKey();
        return key == null ? "exchange ip:" + remoteIp : "exchange key:" + key;
    }

    SeenRequest seen(int status) {
        return new SeenRequest(
                method,
                path,
                rawQuery == null ? "" : rawQuery,
                body == null ? "" : new String(body, StandardCharsets.UTF_8),
                accessKey(),
                token.map(JwtToken::claimsAsText).orElse(Map.of()),
                status,
                receivedAt);
    }

    private static byte[] readBody(HttpExchange http) {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
