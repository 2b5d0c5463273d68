package io.cointrader.security;

import io.cointrader.security.InvalidTokenException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet symmetric encryption, version 0x80, as specified at https://github.com/fernet/spec and
 * implemented by Python's {@code cryptography.fernet.Fernet}.
 *
 * <p>Token: {@code base64url(0x80 ‖ timestamp (8 bytes, big-endian seconds) ‖ IV (16) ‖ AES-128-CBC
 * ciphertext with PKCS#7 padding ‖ HMAC-SHA256)}, with {@code =} padding. The 32-byte key is the
 * 16-byte signing key followed by the 16-byte encryption key. The HMAC is checked in constant time
 * before anything is decrypted.
 *
 * <p>{@link #decrypt(String)} applies no time-to-live: the original key tool never passed one, and
 * a stored key file must stay readable however old it is. {@link #decrypt(String, Duration)} applies
 * the spec's age and clock-skew rules for callers that want them. Instances are immutable and
 * thread-safe.
 */
public final class Fernet {

    /** Length of a raw Fernet key in bytes. */
    public static final int KEY_LENGTH = 32;

    private static final byte VERSION = (byte) 0x80;
    private static final int HALF_KEY = 16;
    private static final int BLOCK = 16;
    private static final int HEADER = 1 + Long.BYTES + BLOCK;
    private static final int HMAC_LENGTH = 32;
    private static final int MIN_TOKEN = HEADER + BLOCK + HMAC_LENGTH;
    private static final long MAX_CLOCK_SKEW_SECONDS = 60;

    private final SecretKeySpec signingKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param key 32 raw key bytes (signing half first); copied, so the caller may wipe its array
     * @param random source of IVs
     * @param clock source of token timestamps and of "now" for {@link #decrypt(String, Duration)}
     */
    public Fernet(byte[] key, SecureRandom random, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a Fernet key has 32 bytes, not " + key.length);
        }
        this.signingKey = new SecretKeySpec(key, 0, HALF_KEY, "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(key, HALF_KEY, HALF_KEY, "AES");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A Fernet for a key in its usual text form: URL-safe base64 of the 32 key bytes. */
    public static Fernet fromEncodedKey(String encodedKey, SecureRandom random, Clock clock) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(Objects.requireNonNull(encodedKey, "encodedKey"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Fernet key must be URL-safe base64");
        }
        try {
            return new Fernet(key, random, clock);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Encrypts and signs {@code message}, stamping the token with the clock's current second. */
    public String encrypt(byte[] message) {
        Objects.requireNonNull(message, "message");
        long timestamp = clock.instant().getEpochSecond();
        if (timestamp < 0) {
            throw new IllegalStateException("the clock is before 1970; a Fernet timestamp is unsigned");
        }
        byte[] iv = new byte[BLOCK];
        random.nextBytes(iv);
        byte[] ciphertext = aes(Cipher.ENCRYPT_MODE, iv, message);
        ByteBuffer token = ByteBuffer.allocate(HEADER + ciphertext.length + HMAC_LENGTH);
        token.put(VERSION).putLong(timestamp).put(iv).put(ciphertext);
        token.put(hmac(token.array(), HEADER + ciphertext.length));
        return Base64.getUrlEncoder().encodeToString(token.array());
    }

    /**
     * Verifies and decrypts {@code token} without any age limit.
     *
     * @throws InvalidTokenException if the token is malformed, signed with another key or changed
     */
    public byte[] decrypt(String token) {
        return decrypt(verify(token));
    }

    /**
     * Verifies and decrypts {@code token}, also refusing it when it is older than {@code ttl} or
     * stamped more than 60 seconds ahead of the clock (the spec's rules).
     *
     * @throws InvalidTokenException as {@link #decrypt(String)}, or when out of time
     */
    public byte[] decrypt(String token, Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("a time-to-live cannot be negative");
        }
        Verified verified = verify(token);
        long now = clock.instant().getEpochSecond();
        // Subtracting from now cannot overflow (now >= 0 for any real clock, ttl <= Long.MAX_VALUE);
        // adding ttl to the timestamp could.
        if (verified.timestamp() < now - ttl.getSeconds()) {
            throw new InvalidTokenException(Reason.OUT_OF_TIME, "the token has expired");
        }
        if (now + MAX_CLOCK_SKEW_SECONDS < verified.timestamp()) {
            throw new InvalidTokenException(Reason.OUT_OF_TIME, "the token is stamped in the future");
        }
        return decrypt(verified);
    }

    /** When a valid {@code token} was made, read from its verified timestamp. */
    public Instant issuedAt(String token) {
        return Instant.ofEpochSecond(verify(token).timestamp());
    }

    private Verified verify(String token) {
        byte[] raw = decodeToken(token);
        if (raw.length < 1 || raw[0] != VERSION) {
            throw malformed("the token has an unknown version");
        }
        if (raw.length < MIN_TOKEN) {
            throw malformed("the token is too short");
        }
        int signedLength = raw.length - HMAC_LENGTH;
        if ((signedLength - HEADER) % BLOCK != 0) {
            throw malformed("the token's ciphertext is not whole AES blocks");
        }
        byte[] expected = hmac(raw, signedLength);
        byte[] actual = Arrays.copyOfRange(raw, signedLength, raw.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidTokenException(Reason.SIGNATURE_MISMATCH, "the token's signature does not match");
        }
        long timestamp = ByteBuffer.wrap(raw, 1, Long.BYTES).getLong();
        if (timestamp < 0 || timestamp > Instant.MAX.getEpochSecond()) {
            throw malformed("the token's timestamp is out of range");
        }
        return new Verified(
                timestamp,
                Arrays.copyOfRange(raw, 1 + Long.BYTES, HEADER),
                Arrays.copyOfRange(raw, HEADER, signedLength));
    }

    private static byte[] decodeToken(String token) {
        // The spec's tokens always carry '=' padding; accepting unpadded text would admit a second
        // spelling of the same token.
        if (token == null || token.length() % 4 != 0) {
            throw malformed("the token is not padded base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed("the token is not base64url");
        }
    }

    private byte[] decrypt(Verified verified) {
        return aes(Cipher.DECRYPT_MODE, verified.iv(), verified.ciphertext());
    }

    private byte[] aes(int mode, byte[] iv, byte[] input) {
        try {
            // PKCS5Padding with a 16-byte block is PKCS#7, as the spec requires.
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, encryptionKey, new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (BadPaddingException e) {
            throw new InvalidTokenException(Reason.UNDECRYPTABLE, "the token's padding is invalid");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is unavailable in this JVM", e);
        }
    }

    private byte[] hmac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    private static InvalidTokenException malformed(String message) {
        return new InvalidTokenException(Reason.MALFORMED, message);
    }

    private record Verified(long timestamp, byte[] iv, byte[] ciphertext) {}
}
