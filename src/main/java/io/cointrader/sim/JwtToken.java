package io.cointrader.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bearer JWT taken apart but not yet verified: the algorithm, the payload claims, the signed part
 * ({@code header.payload}) and the signature bytes.
 */
record JwtToken(String alg, JsonNode claims, String signingInput, byte[] signature) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BEARER = "Bearer ";

    /**
     * Reads {@code Authorization: Bearer <jwt>}; empty when the header is absent, not a bearer token,
     * or not three base64url parts of which the first two are JSON objects.
     */
    static Optional<JwtToken> read(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = MAPPER.readTree(base64Url(parts[0]));
            JsonNode claims = MAPPER.readTree(base64Url(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            String alg = header.path("alg").isTextual() ? header.get("alg").asText() : "";
            return Optional.of(new JwtToken(alg, claims, parts[0] + "." + parts[1], base64Url(parts[2])));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A text claim, empty when absent or not a string. */
    Optional<String> claim(String name) {
        JsonNode node = claims.get(name);
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    boolean hasClaim(String name) {
        return claims.has(name);
    }

    /** Every claim as text, for the request log. */
    Map<String, String> claimsAsText() {
        Map<String, String> out = new LinkedHashMap<>();
        claims.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static byte[] base64Url(String part) {
        // JWTs carry no padding; a padded token is tolerated rather than misreported.
        String unpadded = part.endsWith("=") ? part.replaceAll("=+$", "") : part;
        return Base64.getUrlDecoder().decode(unpadded.getBytes(StandardCharsets.US_ASCII));
    }
}
