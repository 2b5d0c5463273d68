package io.cointrader.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Upbit's JWT authentication (upbit-api.md section 3) the way the exchange does, and answers
 * with Upbit's 401 error names: no header -> {@code no_authorization_token}; unreadable token,
 * unsupported algorithm (only HS256 and HS512) or bad HMAC -> {@code jwt_verification}; unknown
 * access key -> {@code invalid_access_key}; expired key -> {@code expired_access_key}; repeated nonce
 * -> {@code nonce_used}; {@code query_hash}
 * missing, unexpected or not the SHA-512 hex of the parameters -> {@code invalid_query_payload}.
 * Nonces are remembered per access key, the newest {@link #NONCE_MEMORY} of them. Thread-safe.
 */
final class JwtVerifier {

    /** Nonces remembered per key; older ones are forgotten so a long run does not grow without bound. */
    static final int NONCE_MEMORY = 200_000;

    private static final Map<String, String> MAC_OF_ALG = Map.of("HS256", "HmacSHA256", "HS512", "HmacSHA512");

    private final Map<String, SimAccount> accounts;
    private final KeyExpiries expiries;
    private final Map<String, LinkedHashSet<String>> nonces = new HashMap<>();

    JwtVerifier(Map<String, SimAccount> accounts, KeyExpiries expiries) {
        this.accounts = Map.copyOf(accounts);
        this.expiries = expiries;
    }

    /**
     * @return the verified access key
     * @throws ApiError 401 with Upbit's error name when the request is not properly signed
     */
    String verify(String authorization, Params params) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiError.unauthorized("no_authorization_token", "Authorization header is missing");
        }
        JwtToken token = JwtToken.read(authorization)
                .orElseThrow(() -> ApiError.unauthorized("jwt_verification", "the token is not a readable JWT"));
        String mac = MAC_OF_ALG.get(token.alg());
        if (mac == null) {
            throw ApiError.unauthorized("jwt_verification", "unsupported JWT algorithm '" + token.alg() + "'");
        }
        String accessKey = token.claim("access_key")
                .orElseThrow(() -> ApiError.unauthorized("jwt_verification", "access_key claim is missing"));
        SimAccount account = Optional.ofNullable(accounts.get(accessKey))
                .orElseThrow(() -> ApiError.unauthorized("invalid_access_key", "unknown access key"));
        if (!MessageDigest.isEqual(sign(mac, account, token.signingInput()), token.signature())) {
            throw ApiError.unauthorized("jwt_verification", "signature does not verify");
        }
        if (expiries.expired(accessKey)) {
            throw ApiError.unauthorized("expired_access_key", "this API key has expired");
        }
        String nonce = token.claim("nonce")
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> ApiError.unauthorized("jwt_verification", "nonce claim is missing"));
        if (!remember(accessKey, nonce)) {
            throw ApiError.unauthorized("nonce_used", "this nonce was used before");
        }
        checkQueryHash(token, params);
        return accessKey;
    }

    private static void checkQueryHash(JwtToken token, Params params) {
        if (params.isEmpty()) {
            if (token.hasClaim("query_hash")) {
                throw ApiError.unauthorized(
                        "invalid_query_payload", "query_hash given for a request without parameters");
            }
            return;
        }
        String alg = token.claim("query_hash_alg").orElse("SHA512");
        String hash = token.claim("query_hash")
                .orElseThrow(() -> ApiError.unauthorized("invalid_query_payload", "query_hash claim is missing"));
        if (!alg.equals("SHA512") || !hash.equalsIgnoreCase(sha512Hex(params.hashSource()))) {
            throw ApiError.unauthorized("invalid_query_payload", "query_hash does not match the parameters");
        }
    }

    private synchronized boolean remember(String accessKey, String nonce) {
        LinkedHashSet<String> seen = nonces.computeIfAbsent(accessKey, k -> new LinkedHashSet<>());
        if (!seen.add(nonce)) {
            return false;
        }
        if (seen.size() > NONCE_MEMORY) {
            seen.remove(seen.iterator().next());
        }
        return true;
    }

    private static byte[] sign(String mac, SimAccount account, String signingInput) {
        try {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(account.secret().reveal().getBytes(StandardCharsets.UTF_8), mac));
            return hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + mac + " is not available", e);
        }
    }

    static String sha512Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
