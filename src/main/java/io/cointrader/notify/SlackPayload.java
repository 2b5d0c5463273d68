package io.cointrader.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Severity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Turns an alert into a Slack webhook body: {@code text} (used for the notification and as the
 * fallback) plus Block Kit {@code blocks} (header, section, context with severity and time).
 */
final class SlackPayload {

    /** A section's text is limited to 3000 characters; the fallback text is kept to the same. */
    static final int MAX_TEXT = 3000;

    private static final int MAX_HEADER = 150;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'KST'").withZone(ZoneId.of("Asia/Seoul"));

    private final ObjectMapper json = new ObjectMapper();

    static String tag(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ":rotating_light: CRITICAL";
            case HIGH -> ":warning: HIGH";
            case INFO -> ":information_source: INFO";
        };
    }

    static String dropNote(long dropped) {
        return dropped == 1 ? "1 alert was dropped" : dropped + " alerts were dropped";
    }

    /** The body for this alert; {@code droppedBefore} alerts lost before it are mentioned. */
    String render(Alert alert, long droppedBefore) {
        String note = droppedBefore > 0 ? "\n(" + dropNote(droppedBefore) + ")" : "";
        String text =
                truncate(tag(alert.severity()) + " " + alert.title() + ": " + alert.text(), MAX_TEXT - note.length())
                        + note;
        ObjectNode body = json.createObjectNode();
        body.put("text", text);
        ArrayNode blocks = body.putArray("blocks");
        blocks.addObject()
                .put("type", "header")
                .set(
                        "text",
                        plain(truncate(
                                alert.title().isBlank() ? alert.severity().name() : alert.title(), MAX_HEADER)));
        if (!alert.text().isBlank()) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(truncate(alert.text(), MAX_TEXT)));
        }
        String context = tag(alert.severity()) + " · " + TIME.format(alert.at());
        if (droppedBefore > 0) {
            context += " · " + dropNote(droppedBefore);
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(context));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings could not be written as JSON", impossible);
        }
    }

    private ObjectNode plain(String text) {
        return json.createObjectNode()
                .put("type", "plain_text")
                .put("text", text)
                .put("emoji", true);
    }

    private ObjectNode mrkdwn(String text) {
        return json.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end) + "…";
    }
}
