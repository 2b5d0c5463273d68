package io.cointrader.llm.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.llm.LlmReply;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Codex backend's event stream into one reply. The text is the concatenated {@code
 * output_text} deltas or, when none came, the {@code output_text} parts of finished message items;
 * {@code response.completed} only supplies the id and usage (its {@code output} is often empty).
 */
final class CodexStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRY_AGAIN =
            Pattern.compile("try again in\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s)", Pattern.CASE_INSENSITIVE);

    private final StringBuilder deltas = new StringBuilder();
    private final StringBuilder items = new StringBuilder();
    private final Secret[] secrets;

    CodexStream(Secret... secrets) {
        this.secrets = secrets;
    }

    /** Reads to the terminal event; an end of stream before it is MALFORMED. */
    LlmReply read(SseReader reader, String headerRequestId) throws IOException {
        SseReader.Event event;
        while ((event = reader.next()) != null) {
            JsonNode data = parse(event.data());
            if (data == null) {
                continue;
            }
            String type = data.path("type").asText(event.event());
            switch (type) {
                case "response.output_text.delta" -> deltas.append(
                        data.path("delta").asText(""));
                case "response.output_item.done" -> collectItem(data.path("item"));
                case "response.completed", "response.done" -> {
                    return reply(data.path("response"), false, headerRequestId);
                }
                case "response.incomplete" -> {
                    return reply(data.path("response"), true, headerRequestId);
                }
                case "response.failed" -> throw failure(
                        ErrorBody.of(data.path("response").path("error")));
                case "error" -> throw failure(
                        data.path("error").isObject() ? ErrorBody.of(data.path("error")) : ErrorBody.of(data));
                default -> {
                    // Reasoning, rate-limit and bookkeeping events carry nothing the advisor needs.
                }
            }
        }
        throw new LlmException(Kind.MALFORMED, "stream closed before response.completed");
    }

    private void collectItem(JsonNode item) {
        if (!"message".equals(item.path("type").asText())) {
            return;
        }
        for (JsonNode part : item.path("content")) {
            if ("output_text".equals(part.path("type").asText())) {
                items.append(part.path("text").asText(""));
            }
        }
    }

    private LlmReply reply(JsonNode response, boolean truncated, String headerRequestId) {
        String text = deltas.length() > 0 ? deltas.toString() : items.toString();
        JsonNode usage = response.path("usage");
        String id = response.path("id").asText("");
        return new LlmReply(
                text,
                truncated,
                Math.max(0, usage.path("input_tokens").asLong(0)),
                Math.max(0, usage.path("output_tokens").asLong(0)),
                id.isEmpty() ? headerRequestId : id);
    }

    private LlmException failure(ErrorBody error) {
        String message = "the Codex backend failed the response: " + error.summary(secrets);
        return switch (error.code()) {
            case "insufficient_quota", "usage_not_included", "usage_limit_reached" -> new LlmException(
                    Kind.QUOTA_EXHAUSTED, message);
            case "rate_limit_exceeded" -> new LlmException(
                    Kind.RATE_LIMITED, message, retryAfter(error.message()), null);
            case "context_length_exceeded", "invalid_prompt", "invalid_request_error" -> new LlmException(
                    Kind.BAD_REQUEST, message);
            default -> new LlmException(Kind.UNAVAILABLE, message);
        };
    }

    /** "try again in 1.5s" / "try again in 20ms" in a rate-limit message, as Codex reads it. */
    static Duration retryAfter(String message) {
        Matcher m = TRY_AGAIN.matcher(message);
        if (!m.find()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        return Duration.ofMillis((long) (m.group(2).equalsIgnoreCase("ms") ? amount : amount * 1000));
    }

    private static JsonNode parse(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
