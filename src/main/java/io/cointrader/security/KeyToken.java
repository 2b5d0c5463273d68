package io.cointrader.security;

import io.cointrader.core.Secret;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.BiFunction;

/** Opens the Fernet token of a key file, wiping the key and the plaintext bytes afterwards. */
final class KeyToken {

    private KeyToken() {}

    /**
     * Decrypts {@code token} with {@code key} (wiped afterwards) and decodes the plaintext (wiped
     * afterwards) with {@code payload}. A token the key does not open is reported for {@code file}.
     */
    static UpbitKeys open(
            String token,
            byte[] key,
            Secret masterKey,
            Path file,
            SecureRandom random,
            Clock clock,
            BiFunction<byte[], Path, UpbitKeys> payload) {
        byte[] plaintext;
        try {
            plaintext = new Fernet(key, random, clock).decrypt(token);
        } catch (InvalidTokenException e) {
            throw KeyFileException.refused(e, file, masterKey);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            return payload.apply(plaintext, file);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
