package io.cointrader.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Key file version 2: a JSON envelope around a Fernet token whose key is derived from the master
 * key with PBKDF2-HMAC-SHA256 and a random salt.
 *
 * <pre>{@code
 * {"format":"coin-trader-keys","version":2,"kdf":"pbkdf2-sha256",
 *  "params":{"iterations":600000},"salt":"<base64url>","token":"<fernet token>"}
 * }</pre>
 *
 * The envelope is not signed itself, but changing its salt or parameters changes the derived key,
 * so the token's HMAC no longer matches. Parameters live in the file so a later version can raise
 * them and still read older files.
 */
final class SaltedKeyFile {

    static final String FORMAT = "coin-trader-keys";
    static final int VERSION = 2;
    static final String KDF = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;
    /** Bounds for reading: below or above them the number was damaged, not chosen. */
    static final int MIN_ITERATIONS = 10_000;

    static final int MAX_ITERATIONS = 50_000_000;
    static final int SALT_BYTES = 16;
    private static final int MAX_SALT_BYTES = 64;

    private SaltedKeyFile() {}

    static byte[] encode(UpbitKeys keys, Secret masterKey, int iterations, SecureRandom random, Clock clock) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(masterKey, salt, iterations);
        byte[] payload = KeyPayload.encode(keys);
        String token;
        try {
            token = new Fernet(key, random, clock).encrypt(payload);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(payload, (byte) 0);
        }
        ObjectNode envelope = KeyPayload.JSON
                .createObjectNode()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("kdf", KDF);
        envelope.putObject("params").put("iterations", iterations);
        envelope.put("salt", Base64.getUrlEncoder().encodeToString(salt)).put("token", token);
        try {
            String text = KeyPayload.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the key envelope");
        }
    }

    static UpbitKeys decode(String text, Secret masterKey, Path file, SecureRandom random, Clock clock) {
        JsonNode envelope = parseEnvelope(text, file);
        int iterations = iterations(envelope, file);
        byte[] salt = salt(envelope, file);
        String token = requiredText(envelope, "token", file);
        return KeyToken.open(
                token, derive(masterKey, salt, iterations), masterKey, file, random, clock, KeyPayload::decodeSalted);
    }

    private static JsonNode parseEnvelope(String text, Path file) {
        JsonNode envelope;
        try {
            envelope = KeyPayload.JSON.readTree(text);
        } catch (IOException e) {
            throw KeyFileException.damaged(file, "the envelope is not valid JSON");
        }
        if (envelope == null
                || !envelope.isObject()
                || !FORMAT.equals(envelope.path("format").textValue())) {
            throw KeyFileException.notAKeyFile(file);
        }
        JsonNode version = envelope.get("version");
        if (version == null || !version.isInt() || version.intValue() < VERSION) {
            throw KeyFileException.damaged(file, "unknown key file version");
        }
        if (version.intValue() > VERSION) {
            throw KeyFileException.newerVersion(file, version.intValue());
        }
        if (!KDF.equals(envelope.path("kdf").textValue())) {
            throw KeyFileException.damaged(file, "unsupported key derivation");
        }
        return envelope;
    }

    private static int iterations(JsonNode envelope, Path file) {
        JsonNode iterations = envelope.path("params").get("iterations");
        if (iterations == null
                || !iterations.isInt()
                || iterations.intValue() < MIN_ITERATIONS
                || iterations.intValue() > MAX_ITERATIONS) {
            throw KeyFileException.damaged(file, "bad key derivation parameters");
        }
        return iterations.intValue();
    }

    private static byte[] salt(JsonNode envelope, Path file) {
        byte[] salt;
        try {
            salt = Base64.getUrlDecoder().decode(requiredText(envelope, "salt", file));
        } catch (IllegalArgumentException e) {
            throw KeyFileException.damaged(file, "the salt is not base64url");
        }
        if (salt.length < SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw KeyFileException.damaged(file, "bad salt length");
        }
        return salt;
    }

    private static String requiredText(JsonNode envelope, String field, Path file) {
        String value = envelope.path(field).textValue();
        if (value == null || value.isEmpty()) {
            throw KeyFileException.damaged(file, "no " + field);
        }
        return value;
    }

    /** PBKDF2-HMAC-SHA256 over the master key's UTF-8 bytes (SunJCE encodes the chars as UTF-8). */
    static byte[] derive(Secret masterKey, byte[] salt, int iterations) {
        char[] password = masterKey.reveal().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, Fernet.KEY_LENGTH * Byte.SIZE);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }
}
