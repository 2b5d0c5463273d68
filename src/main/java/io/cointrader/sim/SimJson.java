package io.cointrader.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the simulator writes JSON: fields in insertion order, decimals in plain notation; quotation
 * numbers as JSON numbers, exchange numbers as strings (upbit-api.md section 0).
 */
final class SimJson {

    static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SimJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static ObjectNode error(ApiError error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        if (error.numericName()) {
            inner.put("name", Integer.parseInt(error.name()));
        } else {
            inner.put("name", error.name());
        }
        inner.put("message", error.getMessage());
        return body;
    }

    /** An exchange-API number: a plain string without trailing zeros, {@code "0"} for zero. */
    static String text(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Order and trade time as Upbit writes it: ISO-8601 in KST with {@code +09:00}, whole seconds. */
    static String kst(Instant time) {
        return ORDER_TIME.format(time.truncatedTo(ChronoUnit.SECONDS).atOffset(KST));
    }

    /** Candle time without an offset, in UTC or (with {@code offset} = KST) Korean time. */
    static String localTime(Instant time, ZoneOffset offset) {
        return CANDLE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS).atOffset(offset));
    }
}
