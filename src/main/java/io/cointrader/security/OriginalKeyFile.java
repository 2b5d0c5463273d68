package io.cointrader.security;

import io.cointrader.core.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * Key files written by the original Python tool (read only): the whole file is one Fernet token
 * whose key is {@code urlsafe_b64encode(sha256(master_key.encode("utf-8")))}, that is, the raw
 * SHA-256 digest of the master key. There is no salt and no slow key derivation, which is why
 * {@link KeyManager} writes {@link SaltedKeyFile} instead.
 */
final class OriginalKeyFile {

    /** Version byte 0x80 and a timestamp below 2^40 seconds always encode to this prefix. */
    static final String TOKEN_PREFIX = "gAAAAA";

    private OriginalKeyFile() {}

    static UpbitKeys decode(String token, Secret masterKey, Path file, SecureRandom random, Clock clock) {
        return KeyToken.open(token, fernetKey(masterKey), masterKey, file, random, clock, KeyPayload::decodeOriginal);
    }

    /** The 32 Fernet key bytes the original tool derived from a master key. */
    static byte[] fernetKey(Secret masterKey) {
        byte[] utf8 = masterKey.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.getInstance("SHA-256").digest(utf8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }
}
