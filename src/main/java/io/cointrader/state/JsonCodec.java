package io.cointrader.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.cointrader.core.Symbol;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Map;

/**
 * JSON for the payload and details columns. BigDecimals are written as plain numbers (no exponent),
 * java.time values and symbols as their ISO / {@code BASE/QUOTE} text, map keys in sorted order.
 */
final class JsonCodec {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final ObjectMapper mapper;

    JsonCodec() {
        SimpleModule textValues = new SimpleModule("text-values")
                .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                .addSerializer(TemporalAmount.class, ToStringSerializer.instance)
                .addSerializer(Symbol.class, ToStringSerializer.instance);
        this.mapper = JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // a parse error must not echo stored content into an exception message
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .addModule(textValues)
                .build();
    }

    /** The values as a JSON object; {@code null} is the empty object. */
    String write(String operation, Map<String, ?> values) {
        try {
            return mapper.writeValueAsString(values == null ? Map.of() : values);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("could not " + operation + ": a value cannot be written as JSON", e);
        }
    }

    Map<String, String> readStrings(String operation, String json) {
        try {
            return mapper.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("could not " + operation + ": stored JSON is malformed", e);
        }
    }
}
