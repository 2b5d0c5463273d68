package io.cointrader.exchange.upbit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads Upbit JSON into trees and takes typed fields out of them. Floats become exact {@link
 * BigDecimal}s (trailing zeros kept), numbers sent as strings are accepted, unknown fields are simply
 * not read. Every defect of a response body surfaces as {@link ExchangeUnavailableException}.
 */
final class UpbitJson {

    /** Bounds that keep absurd numbers (e.g. {@code 1e999999999}) out of money arithmetic. */
    private static final int MAX_PRECISION = 60;

    private static final int MAX_ABS_SCALE = 40;

    private static final BigDecimal MAX_EPOCH_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private UpbitJson() {}

    static JsonNode read(byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed(what, "empty body");
            }
            return node;
        } catch (IOException e) {
            throw malformed(what, "not valid JSON");
        } catch (NumberFormatException e) {
            // a number Jackson cannot hold, e.g. 1E+2147483648 (exponent overflow)
            throw malformed(what, "a number is out of range");
        }
    }

    /** Like {@link #read} but never throws: empty when the body is not JSON. */
    static Optional<JsonNode> tryRead(byte[] body) {
        try {
            return Optional.ofNullable(MAPPER.readTree(body)).filter(n -> !n.isMissingNode());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static JsonNode array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw malformed(what, "expected a JSON array");
        }
        return node;
    }

    static JsonNode object(JsonNode node, String what) {
        if (!node.isObject()) {
            throw malformed(what, "expected a JSON object");
        }
        return node;
    }

    static String text(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw malformed(what, field + " missing or not text");
        }
        return value.textValue();
    }

    /** Text of a field, or {@code fallback} when absent or not text. */
    static String textOr(JsonNode object, String field, String fallback) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.textValue() : fallback;
    }

    static BigDecimal decimal(JsonNode object, String field, String what) {
        BigDecimal value = optionalDecimal(object, field, what);
        if (value == null) {
            throw malformed(what, field + " missing");
        }
        return value;
    }

    /** A number or numeric string; {@code null} when the field is absent or JSON null. */
    static BigDecimal optionalDecimal(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && value.textValue().length() <= MAX_PRECISION + 10) {
            number = parseDecimal(value.textValue().trim(), field, what);
        } else {
            throw malformed(what, field + " is not a number");
        }
        if (number.precision() > MAX_PRECISION || Math.abs(number.scale()) > MAX_ABS_SCALE) {
            throw malformed(what, field + " is out of range");
        }
        return number;
    }

    /** A positive epoch-millisecond timestamp. */
    static Instant epochMillis(JsonNode object, String field, String what) {
        BigDecimal value = decimal(object, field, what);
        if (value.signum() <= 0
                || value.compareTo(MAX_EPOCH_MILLIS) > 0
                || value.stripTrailingZeros().scale() > 0) {
            throw malformed(what, field + " is not an epoch-millisecond timestamp");
        }
        return Instant.ofEpochMilli(value.longValue());
    }

    /** An ISO-8601 time with an offset, as in {@code 2026-03-22T21:42:22+09:00}; null when absent. */
    static Instant optionalOffsetTime(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().length() > 64) {
            throw malformed(what, field + " is not a time");
        }
        try {
            return OffsetDateTime.parse(value.textValue().trim()).toInstant();
        } catch (DateTimeException e) {
            throw malformed(what, field + " is not an ISO-8601 time with offset");
        }
    }

    /** A JSON object of string fields in list order; names are expected to be unique. */
    static byte[] objectOfStrings(List<UpbitRequest.Param> fields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.forEach(f -> node.put(f.name(), f.value()));
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render JSON of string fields", e);
        }
    }

    static ExchangeUnavailableException malformed(String what, String detail) {
        return new ExchangeUnavailableException("malformed Upbit " + what + " response: " + detail);
    }

    private static BigDecimal parseDecimal(String text, String field, String what) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw malformed(what, field + " is not a number");
        }
    }
}
