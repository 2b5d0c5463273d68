package io.cointrader.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a control request's JSON body into a record. The body is at most the server's request limit
 * ({@code 413} beyond it, raised while reading); anything else wrong with it is a {@code 400} (or
 * {@code 415} for a body that is not declared JSON) whose message never quotes the body.
 */
final class RequestBodies {

    private static final int MAX_NAME = 40;

    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The body as {@code type}; {@code whenEmpty} when there is no body or it is the JSON {@code null}.
     *
     * @param whenEmpty the value of an empty body, or null when a body is required
     */
    <T> T read(Context ctx, Class<T> type, T whenEmpty) {
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body)) {
            return orRequired(whenEmpty);
        }
        if (!isJson(ctx.contentType())) {
            throw new WebError(415, "the body must be sent as Content-Type: application/json");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw new WebError(400, "the body is not valid JSON");
        }
        if (tree == null || tree.isNull()) {
            return orRequired(whenEmpty);
        }
        if (!tree.isObject()) {
            throw new WebError(400, "the body must be a JSON object");
        }
        try {
            return json.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new WebError(400, "unknown field " + name(e.getPropertyName()));
        } catch (MismatchedInputException e) {
            throw new WebError(400, e.getPath().isEmpty() ? "the body cannot be read" : wrongType(e));
        } catch (IOException e) {
            throw new WebError(400, "the body cannot be read");
        }
    }

    private static <T> T orRequired(T whenEmpty) {
        if (whenEmpty == null) {
            throw new WebError(400, "a JSON body is required");
        }
        return whenEmpty;
    }

    private static String wrongType(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return "field " + name(field) + " has the wrong type";
    }

    private static String name(String field) {
        if (field == null) {
            return "(unnamed)";
        }
        String shown = field.length() <= MAX_NAME ? field : field.substring(0, MAX_NAME) + "...";
        return "'" + shown + "'";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return media.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
