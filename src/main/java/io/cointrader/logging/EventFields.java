package io.cointrader.logging;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns event field values into plain JSON-ready values (strings, numbers, booleans, maps, lists),
 * so the log encoder never depends on which Jackson modules are present: {@code Instant} and other
 * {@code java.time} values become their ISO-8601 {@code toString()}, enums their name, records a
 * map of their components, anything else its {@code toString()} (a {@code Secret} prints {@code
 * ***}).
 */
final class EventFields {

    /** Names the JSON encoder writes itself; a field with one of these names gets a trailing '_'. */
    static final Set<String> RESERVED = Set.of(
            "@timestamp",
            "@version",
            "message",
            "logger_name",
            "thread_name",
            "level",
            "level_value",
            "stack_trace",
            "tags",
            "event");

    private static final int MAX_DEPTH = 8;

    private static final Set<Class<?>> JSON_SCALARS = Set.of(
            String.class,
            Boolean.class,
            BigDecimal.class,
            BigInteger.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            Double.class,
            Float.class);

    private EventFields() {}

    /** {@code event} first, then the fields in their iteration order, values normalized. */
    static Map<String, Object> of(String event, Map<String, ?> fields) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("event", event);
        if (fields != null) {
            fields.forEach((key, value) -> entries.put(fieldName(String.valueOf(key)), normalize(value, 0)));
        }
        return entries;
    }

    private static String fieldName(String key) {
        return RESERVED.contains(key) ? key + "_" : key;
    }

    private static Object normalize(Object value, int depth) {
        if (value == null || JSON_SCALARS.contains(value.getClass())) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Optional<?> optional) {
            return normalize(optional.orElse(null), depth);
        }
        if (depth >= MAX_DEPTH) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v, depth + 1)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(element -> copy.add(normalize(element, depth + 1)));
            return copy;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                copy.add(normalize(Array.get(value, i), depth + 1));
            }
            return copy;
        }
        if (value instanceof Record record) {
            return recordComponents(record, depth);
        }
        return value.toString();
    }

    private static Object recordComponents(Record record, int depth) {
        Map<String, Object> components = new LinkedHashMap<>();
        try {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object componentValue = component.getAccessor().invoke(record);
                components.put(component.getName(), normalize(componentValue, depth + 1));
            }
            return components;
        } catch (IllegalAccessException | InvocationTargetException e) {
            // A record that is not public cannot be read reflectively; its toString() still can.
            return record.toString();
        }
    }
}
