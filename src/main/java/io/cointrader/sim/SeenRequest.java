package io.cointrader.sim;

import java.time.Instant;
import java.util.Map;

/**
 * A request the simulator received, for tests to assert what a client sent.
 *
 * @param rawQuery the query as it came over the wire (still percent-encoded), or empty
 * @param body the request body as text
 * @param accessKey the JWT's access key when the token could be read (verified or not), else null
 * @param claims the JWT payload claims as text ({@code access_key}, {@code nonce}, {@code
 *     query_hash}, ...), empty without a readable token; the token itself is not kept
 * @param status the status sent, or 0 when no answer was sent (an injected lost answer)
 * @param receivedAt wall-clock time of arrival
 */
public record SeenRequest(
        String method,
        String path,
        String rawQuery,
        String body,
        String accessKey,
        Map<String, String> claims,
        int status,
        Instant receivedAt) {

    public SeenRequest {
        claims = Map.copyOf(claims);
    }
}
