package io.cointrader.web.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads the JSON objects of the store's details and payload columns. Thread-safe. */
final class StoredJson {

    private final ObjectMapper json = JsonMapper.builder()
            // a parse error must not carry stored content into a message
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** The stored JSON object, or an empty object when there is none or it is not a readable object. */
    JsonNode object(String stored) {
        if (stored == null || stored.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(stored);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
