package io.cointrader.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something the safety layer noticed. {@code symbol} is null for account-wide events; {@code details}
 * holds numbers for the audit trail and never secrets.
 */
public record SafetyEvent(
        SafetyEventType type,
        Severity severity,
        Symbol symbol,
        String message,
        Map<String, String> details,
        Instant time) {

    public SafetyEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
