package io.cointrader.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The useful fields of a provider's error body. OpenAI: {@code {"error":{message,type,param,code}}};
 * Anthropic: {@code {"type":"error","error":{type,message,details:{error_code}}}}, whose {@code
 * details.error_code} lands in {@link #code()}. Empty strings for what is absent; a body that is not
 * JSON becomes the message.
 */
record ErrorBody(String type, String code, String param, String message) {

    static ErrorBody parse(String body) {
        String raw = body == null ? "" : body;
        JsonNode error;
        try {
            JsonNode root = ProviderHttp.JSON.readTree(raw);
            error = root == null ? null : root.get("error");
        } catch (JsonProcessingException e) {
            return new ErrorBody("", "", "", raw);
        }
        if (error == null) {
            return new ErrorBody("", "", "", raw);
        }
        if (!error.isObject()) {
            return new ErrorBody("", "", "", error.asText());
        }
        String code = text(error.get("code"));
        if (code.isEmpty()) {
            code = text(error.path("details").get("error_code"));
        }
        return new ErrorBody(text(error.get("type")), code, text(error.get("param")), text(error.get("message")));
    }

    /** True when type or code equals {@code value}. */
    boolean is(String value) {
        return type.equals(value) || code.equals(value);
    }

    /** {@code "type/code: message"}, leaving out what is empty. */
    String summary() {
        String label = type.isEmpty() ? code : code.isEmpty() || code.equals(type) ? type : type + "/" + code;
        return label.isEmpty() ? message : label + ": " + message;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }
}
