package io.cointrader.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens, SHA-256 digests and comparisons whose time does not depend on where the inputs differ. */
final class SecurityTokens {

    private static final int TOKEN_BYTES = 32;

    private SecurityTokens() {}

    /** 32 random bytes, base64url without padding. */
    static String random(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Compares digests, so neither the position of the first difference nor the length leaks. */
    static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }
}
