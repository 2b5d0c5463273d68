package io.cointrader.security;

import io.cointrader.core.Secret;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads and writes the encrypted Upbit key file.
 *
 * <p>Reads both formats: version 1, written by the original Python tool (a bare Fernet token keyed
 * by SHA-256 of the master key, see {@link OriginalKeyFile}), and version 2, which this class
 * writes (a JSON envelope with a random salt and PBKDF2-HMAC-SHA256, 600,000 iterations, see {@link
 * SaltedKeyFile}). The file is written atomically with permissions 0600 in a directory created
 * 0700, and a file that group or others may access is refused on reading (POSIX file systems only).
 *
 * <p>The master key is used exactly as given: it is never trimmed. Every failure is a {@link
 * KeyFileException} with one line for the user that never contains key material.
 */
public final class KeyManager {

    private final SecureRandom random;
    private final Clock clock;
    private final int iterations;

    /**
     * @param random source of salts and IVs
     * @param clock source of the Fernet token timestamp
     */
    public KeyManager(SecureRandom random, Clock clock) {
        this(random, clock, SaltedKeyFile.DEFAULT_ITERATIONS);
    }

    KeyManager(SecureRandom random, Clock clock, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (iterations < SaltedKeyFile.MIN_ITERATIONS || iterations > SaltedKeyFile.MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    /** A key manager with a fresh {@link SecureRandom} and the UTC system clock. */
    public static KeyManager withSystemDefaults() {
        return new KeyManager(new SecureRandom(), Clock.systemUTC());
    }

    /**
     * Decrypts the key file, whichever version it is.
     *
     * @throws KeyFileException if the file is missing, open to other users, not a key file, damaged,
     *     or the master key does not decrypt it
     */
    public UpbitKeys read(Path file, Secret masterKey) {
        Objects.requireNonNull(file, "file");
        requireNonBlank(masterKey);
        String text = KeyFileIo.readText(file).strip();
        if (text.isEmpty()) {
            throw KeyFileException.damaged(file, "the file is empty");
        }
        if (text.startsWith("{")) {
            return SaltedKeyFile.decode(text, masterKey, file, random, clock);
        }
        if (text.startsWith(OriginalKeyFile.TOKEN_PREFIX)) {
            return OriginalKeyFile.decode(text, masterKey, file, random, clock);
        }
        throw KeyFileException.notAKeyFile(file);
    }

    /**
     * Encrypts {@code keys} under {@code masterKey} into a version 2 file, replacing any file there.
     *
     * @throws KeyFileException if the master key is blank or begins or ends with whitespace, a key
     *     contains whitespace, or the file cannot be written
     */
    public void write(Path file, Secret masterKey, UpbitKeys keys) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keys, "keys");
        requireNonBlank(masterKey);
        String master = masterKey.reveal();
        if (!master.equals(master.strip())) {
            throw new KeyFileException("the master key begins or ends with whitespace; it is used exactly as"
                    + " typed, so remove the whitespace or choose another master key");
        }
        requireNoWhitespace(keys.accessKey(), "access key");
        requireNoWhitespace(keys.secretKey(), "secret key");
        KeyFileIo.writeAtomically(file, SaltedKeyFile.encode(keys, masterKey, iterations, random, clock));
    }

    private static void requireNonBlank(Secret masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.isBlank()) {
            throw new KeyFileException("the master key is empty");
        }
    }

    private static void requireNoWhitespace(Secret key, String name) {
        if (key.reveal().codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new KeyFileException("the " + name + " contains spaces or line breaks; paste it again as one word");
        }
    }
}
