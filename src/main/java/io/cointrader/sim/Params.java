package io.cointrader.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parameters of one request in the order they arrived, decoded, and the exact string Upbit
 * hashes into the JWT {@code query_hash} (upbit-api.md section 3). For GET and DELETE they come from
 * the query string, each part percent-decoded ({@code +} reads as a space, as on Upbit). For POST they
 * come from the JSON body's top-level fields in body order: strings as they are, numbers in the
 * exact text sent, an array {@code k:[a,b]} as {@code k[]=a&k[]=b}; a {@code null} field counts as
 * absent.
 */
final class Params {

    private static final JsonFactory JSON = new JsonFactory();

    /** One parameter; {@code value} is null for a query part without {@code =}. */
    record Param(String name, String value) {
        String rendered() {
            return value == null ? name : name + "=" + value;
        }
    }

    private final List<Param> params;

    private Params(List<Param> params) {
        this.params = List.copyOf(params);
    }

    static Params none() {
        return new Params(List.of());
    }

    /**
     * @throws ApiError 400 when a part is not valid percent-encoding
     */
    static Params ofQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return none();
        }
        List<Param> out = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            out.add(
                    eq < 0
                            ? new Param(decode(part), null)
                            : new Param(decode(part.substring(0, eq)), decode(part.substring(eq + 1))));
        }
        return new Params(out);
    }

    /**
     * @throws ApiError 400 when the body is not one JSON object of scalars and arrays of scalars
     */
    static Params ofJsonBody(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return none();
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiError.validation("the body must be a JSON object");
            }
            List<Param> out = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    String arrayName = name.endsWith("[]") ? name : name + "[]";
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        out.add(new Param(arrayName, scalar(parser, item, name)));
                    }
                } else if (value != JsonToken.VALUE_NULL) {
                    out.add(new Param(name, scalar(parser, value, name)));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ApiError.validation("the body must be exactly one JSON object");
            }
            return new Params(out);
        } catch (IOException e) {
            throw ApiError.validation("the body is not valid JSON");
        }
    }

    boolean isEmpty() {
        return params.isEmpty();
    }

    /** The string whose SHA-512 must be the JWT {@code query_hash}. */
    String hashSource() {
        return params.stream().map(Param::rendered).collect(Collectors.joining("&"));
    }

    /** The first value of {@code name}, if present and not blank. */
    Optional<String> first(String name) {
        return params.stream()
                .filter(p ->
                        p.name().equals(name) && p.value() != null && !p.value().isBlank())
                .map(Param::value)
                .findFirst();
    }

    /** Every value of {@code name} (an array parameter is named with its brackets, {@code states[]}). */
    List<String> all(String name) {
        return params.stream()
                .filter(p -> p.name().equals(name) && p.value() != null)
                .map(Param::value)
                .toList();
    }

    boolean has(String name) {
        return params.stream().anyMatch(p -> p.name().equals(name));
    }

    private static String scalar(JsonParser parser, JsonToken token, String name) throws IOException {
        if (token == null || token.isStructStart() || token == JsonToken.VALUE_NULL) {
            throw ApiError.validation("field " + name + " must be a string, number or boolean");
        }
        // getText() of a number token is the text as sent, so 1e-8 stays 1e-8 in the hash.
        return parser.getText();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation("the query string is not valid percent-encoding");
        }
    }
}
