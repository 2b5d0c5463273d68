package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The error code and message of an OAuth or Codex error body, in any of the shapes in use: {@code
 * {"error":"x","error_description":"..."}}, {@code {"error":{"code"|"type","message"}}}, {@code
 * {"detail":"..."}} or a top-level {@code code}.
 */
record ErrorBody(String code, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A long run mixing letters and digits reads like a token, not like an error text. */
    private static final Pattern OPAQUE =
            Pattern.compile("(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}");

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    static ErrorBody parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return new ErrorBody("", "");
        }
        if (root == null || !root.isObject()) {
            return new ErrorBody("", "");
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return new ErrorBody(
                    error.asText(), text(root.get("error_description")).orElse(""));
        }
        if (error.isObject()) {
            return of(error);
        }
        if (root.path("detail").isObject()) {
            return of(root.path("detail"));
        }
        return new ErrorBody(
                text(root.get("code")).orElse(""),
                text(root.get("detail")).or(() -> text(root.get("message"))).orElse(""));
    }

    static ErrorBody of(JsonNode error) {
        String code = text(error.get("code")).or(() -> text(error.get("type"))).orElse("");
        return new ErrorBody(code, text(error.get("message")).orElse(""));
    }

    /**
     * "code: message", bounded and printable, for an exception message. A server may echo what it was
     * sent, so the values sent and anything shaped like a JWT are masked.
     */
    String summary(Secret... sent) {
        String joined = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
        for (Secret secret : sent) {
            if (secret != null && secret.reveal().length() >= 4) {
                joined = joined.replace(secret.reveal(), "***");
            }
        }
        joined = JWT.matcher(joined).replaceAll("***");
        return CallbackServer.clean(OPAQUE.matcher(joined).replaceAll("***"));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isValueNode() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }
}
