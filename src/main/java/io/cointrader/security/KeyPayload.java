package io.cointrader.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The decrypted content of a key file: {@code {"version":1,"api_key":..,"api_secret":..}} from the
 * original tool, {@code {"version":2,"exchange":"upbit","api_key":..,"api_secret":..}} from ours.
 *
 * <p>Parser errors are never passed on: Jackson quotes the offending input, which here is secret.
 */
final class KeyPayload {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String EXCHANGE = "upbit";

    private KeyPayload() {}

    static byte[] encode(UpbitKeys keys) {
        ObjectNode node = JSON.createObjectNode()
                .put("version", SaltedKeyFile.VERSION)
                .put("exchange", EXCHANGE)
                .put("api_key", keys.accessKey().reveal())
                .put("api_secret", keys.secretKey().reveal());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the key record");
        }
    }

    /** The original tool's record; its {@code version}, when present, must be 1. */
    static UpbitKeys decodeOriginal(byte[] plaintext, Path file) {
        JsonNode node = parse(plaintext, file);
        JsonNode version = node.get("version");
        if (version != null && !(version.isInt() && version.intValue() == 1)) {
            throw notAKeyRecord(file);
        }
        return keys(node, file);
    }

    static UpbitKeys decodeSalted(byte[] plaintext, Path file) {
        JsonNode node = parse(plaintext, file);
        JsonNode version = node.get("version");
        JsonNode exchange = node.get("exchange");
        if (version == null || !version.isInt() || version.intValue() != SaltedKeyFile.VERSION) {
            throw notAKeyRecord(file);
        }
        if (exchange == null || !EXCHANGE.equals(exchange.textValue())) {
            throw KeyFileException.damaged(file, "the keys are not for Upbit");
        }
        return keys(node, file);
    }

    private static JsonNode parse(byte[] plaintext, Path file) {
        try {
            JsonNode node = JSON.readTree(plaintext);
            if (node == null || !node.isObject()) {
                throw notAKeyRecord(file);
            }
            return node;
        } catch (IOException e) {
            throw notAKeyRecord(file);
        }
    }

    private static UpbitKeys keys(JsonNode node, Path file) {
        Optional<Secret> access = text(node, "api_key");
        Optional<Secret> secret = text(node, "api_secret");
        if (access.isEmpty() || secret.isEmpty()) {
            throw notAKeyRecord(file);
        }
        return new UpbitKeys(access.get(), secret.get());
    }

    private static Optional<Secret> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Secret.of(value.textValue()));
    }

    private static KeyFileException notAKeyRecord(Path file) {
        return KeyFileException.damaged(file, "the decrypted content is not an Upbit key record");
    }
}
