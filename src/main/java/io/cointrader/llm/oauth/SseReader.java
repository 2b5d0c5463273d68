package io.cointrader.llm.oauth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events line by line. LF, CRLF and CR all end a line; several {@code data:}
 * lines are joined with a newline; comments and unknown fields are skipped. Not thread-safe.
 */
public final class SseReader {

    /** One dispatched event; {@code event} is "message" when the server named none. */
    public record Event(String event, String data) {}

    private final BufferedReader lines;

    public SseReader(InputStream stream) {
        this.lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    /** The next event with data, or null at the end of the stream. */
    public Event next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(event == null ? "message" : event, data.toString());
                }
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            }
        }
        // A last event without its blank line still counts: the server closed right after writing it.
        return data == null ? null : new Event(event == null ? "message" : event, data.toString());
    }
}
