package io.cointrader.web.view;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/safety-events}, newest first. */
public record SafetyEventsView(List<Event> events) {

    public SafetyEventsView {
        events = List.copyOf(events);
    }

    /** One safety event; {@code symbol} is null for account-wide events. */
    public record Event(
            Instant time, String type, String severity, Symbol symbol, String message, Map<String, String> details) {}
}
