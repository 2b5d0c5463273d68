package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims this client reads from an OpenAI id or access token. The payload is decoded without a
 * signature check: the tokens come straight from the issuer over TLS and are only read for expiry and
 * the account id, never trusted for authorisation here.
 */
public record JwtClaims(Optional<Instant> expiresAt, Optional<String> accountId, Optional<String> planType) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_CLAIM = "https://api.openai.com/auth";

    public static final JwtClaims NONE = new JwtClaims(Optional.empty(), Optional.empty(), Optional.empty());

    /** Claims of {@code jwt}, or {@link #NONE} when it is not a readable JWT (never throws, never echoes it). */
    public static JwtClaims parse(String jwt) {
        if (jwt == null) {
            return NONE;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return NONE;
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(stripPadding(parts[1])));
            return payload.isObject() ? fromPayload(payload) : NONE;
        } catch (Exception e) {
            return NONE;
        }
    }

    private static JwtClaims fromPayload(JsonNode payload) {
        JsonNode exp = payload.get("exp");
        Optional<Instant> expiresAt = exp != null && exp.canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
                : Optional.empty();
        JsonNode auth = payload.path(AUTH_CLAIM);
        Optional<String> account = text(auth.get("chatgpt_account_id"))
                .or(() -> text(payload.get("chatgpt_account_id")))
                .or(() -> text(payload.path("organizations").path(0).get("id")));
        Optional<String> plan = text(auth.get("chatgpt_plan_type"));
        return new JwtClaims(expiresAt, account, plan);
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }
}
