package io.cointrader.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A minimal JWT signer written from upbit-api.md section 3, independent of any client code. */
final class TestJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJwt() {}

    /** Claims of one token; {@code hashSource} null for a request without parameters. */
    record Claims(String accessKey, String nonce, String hashSource) {
        static Claims of(String accessKey, String hashSource) {
            return new Claims(accessKey, UUID.randomUUID().toString(), hashSource);
        }
    }

    static String bearer(Claims claims, String secret, String alg) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("access_key", claims.accessKey());
        payload.put("nonce", claims.nonce());
        if (claims.hashSource() != null) {
            payload.put("query_hash", sha512Hex(claims.hashSource()));
            payload.put("query_hash_alg", "SHA512");
        }
        return bearer(payload, secret, alg);
    }

    static String bearer(ObjectNode payload, String secret, String alg) {
        ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
        String signingInput = base64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.toString().getBytes(StandardCharsets.UTF_8));
        return "Bearer " + signingInput + "." + base64(hmac(alg, secret, signingInput));
    }

    static String sha512Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String alg, String secret, String input) {
        String name = alg.equals("HS256") ? "HmacSHA256" : "HmacSHA512";
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), name));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
