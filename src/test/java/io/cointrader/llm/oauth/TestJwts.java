package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** Unsigned JWTs with the claims the client reads. */
final class TestJwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {}

    static String jwt(Map<String, Object> claims) {
        try {
            String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = B64.encodeToString(new ObjectMapper().writeValueAsBytes(claims));
            return header + "." + payload + ".c2lnbmF0dXJl";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code account} that expires at {@code exp}; {@code salt} makes each one unique. */
    static String token(String account, Instant exp, String salt) {
        return jwt(Map.of(
                "exp",
                exp.getEpochSecond(),
                "jti",
                salt,
                "https://api.openai.com/auth",
                Map.of("chatgpt_account_id", account, "chatgpt_plan_type", "plus")));
    }
}
