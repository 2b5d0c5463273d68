package io.cointrader.exchange.upbit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the {@code Authorization: Bearer} token of Upbit's exchange API (upbit-api.md section 3): an
 * HS512 JWT whose payload holds {@code access_key}, a fresh {@code nonce} and, when the request has
 * parameters, {@code query_hash} (lowercase hex SHA-512 of {@link UpbitRequest#hashSource()}) with
 * {@code query_hash_alg=SHA512}.
 *
 * <p>Hand-rolled on {@code javax.crypto}: the secret is used as its raw UTF-8 bytes (it is not base64),
 * and Upbit's 40-character secrets are shorter than the key size common JWT libraries insist on for
 * HS512. A token is made for every attempt and never reused. Thread-safe.
 */
public final class UpbitJwtSigner {

    private static final String MASK = "***";
    private static final String HMAC = "HmacSHA512";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            BASE64URL.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final UpbitCredentials credentials;
    private final Supplier<String> nonces;
    private final SecretKeySpec key;

    /** Production signer: a random UUID nonce per token. */
    public UpbitJwtSigner(UpbitCredentials credentials) {
        this(credentials, () -> UUID.randomUUID().toString());
    }

    /** With a nonce source of its own, e.g. a scripted one in tests; it must never repeat a value. */
    public UpbitJwtSigner(UpbitCredentials credentials, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.key = new SecretKeySpec(credentials.secretKey().reveal().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** A fresh token for {@code request}: what follows {@code Bearer } in the Authorization header. */
    public String token(UpbitRequest request) {
        return token(request.hashSource());
    }

    /** A fresh token for parameters that join to {@code hashSource}; empty means none (no query_hash). */
    public String token(String hashSource) {
        String nonce = nonces.get();
        if (nonce == null || nonce.isBlank()) {
            throw new IllegalStateException("the nonce source gave no nonce");
        }
        List<UpbitRequest.Param> claims = new ArrayList<>();
        claims.add(new UpbitRequest.Param("access_key", credentials.accessKey().reveal()));
        claims.add(new UpbitRequest.Param("nonce", nonce));
        if (!hashSource.isEmpty()) {
            claims.add(new UpbitRequest.Param("query_hash", sha512Hex(hashSource)));
            claims.add(new UpbitRequest.Param("query_hash_alg", "SHA512"));
        }
        String signingInput = HEADER + "." + BASE64URL.encodeToString(UpbitJson.objectOfStrings(claims));
        return signingInput + "." + BASE64URL.encodeToString(hmac(signingInput));
    }

    /** Lowercase hex SHA-512 of the UTF-8 bytes of {@code text}. */
    static String sha512Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available in this JVM", e);
        }
    }

    /**
     * Masks in {@code text} whatever would reveal the credentials: both keys, {@code token} and its
     * payload and signature parts. For text that comes back from the server, e.g. an error message.
     */
    String redact(String text, String token) {
        List<String> secrets = new ArrayList<>();
        secrets.add(token);
        String[] parts = token.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            secrets.add(parts[i]);
        }
        secrets.add(credentials.accessKey().reveal());
        secrets.add(credentials.secretKey().reveal());
        String out = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // the exception of a key failure is not chained: its text might describe the key
            throw new IllegalStateException(
                    "HMAC-SHA512 signing failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "UpbitJwtSigner[" + MASK + "]";
    }
}
