package io.cointrader.exchange.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a received {@code Authorization} header the way Upbit would, independently of the signer:
 * recomputes the HMAC-SHA512 over the first two parts with the secret's UTF-8 bytes.
 */
final class JwtCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtCheck() {}

    /** The token after {@code Bearer }. */
    static String token(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }

    /** Asserts header, structure and signature; returns the payload claims. */
    static JsonNode verifiedClaims(String authorization, String secret) {
        String[] parts = token(authorization).split("\\.", -1);
        assertThat(parts).hasSize(3);
        for (String part : parts) {
            assertThat(part).matches("[A-Za-z0-9_-]+");
        }
        JsonNode header = json(parts[0]);
        assertThat(header.get("alg").asText()).isEqualTo("HS512");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(Base64.getUrlDecoder().decode(parts[2]))
                .as("HMAC-SHA512 signature")
                .isEqualTo(hmacSha512(secret, parts[0] + "." + parts[1]));
        return json(parts[1]);
    }

    /** Field names of a JSON object in document order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String sha512Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha512(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String base64url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
