package io.cointrader.llm.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * One login attempt's PKCE pair and anti-forgery state. The verifier stays in this process: only the
 * challenge and the state travel in the authorize URL.
 */
public record Pkce(String verifier, String challenge, String state) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Pkce {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(state, "state");
    }

    /** 64 random bytes for the verifier (86 characters) and 32 for the state, as Codex does. */
    public static Pkce generate(SecureRandom random) {
        String verifier = randomToken(random, 64);
        return new Pkce(verifier, challengeOf(verifier), randomToken(random, 32));
    }

    /** The S256 challenge: base64url without padding of SHA-256 over the verifier's ASCII bytes. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String randomToken(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }

    @Override
    public String toString() {
        return "Pkce[***]";
    }
}
