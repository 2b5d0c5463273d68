package io.cointrader.logging;

import java.util.Map;
import java.util.Objects;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON line per event to the file for its kind (see {@link LogSetup}): {@code
 * "event":"<name>"} plus each field as a top-level JSON field, in the map's iteration order. The
 * message is the event name. Everything is redacted on the way out.
 *
 * <p>Field values: {@link java.math.BigDecimal} is written as a plain JSON number, never in
 * scientific notation, keeping its scale ({@code 1E-8} as {@code 0.00000001}, {@code 5E+7} as
 * {@code 50000000}, {@code 1.2300} as {@code 1.2300}); other numbers and booleans as JSON numbers
 * and booleans; strings, enums (by name) and {@code java.time} values (ISO-8601) as strings; maps,
 * collections, arrays and records as nested objects and arrays; anything else by its {@code
 * toString()}. A field named like one the encoder writes itself ({@code message}, {@code level},
 * {@code event}, ...) gets a trailing underscore. {@code null} fields are allowed.
 *
 * <p>Events are written at INFO; severity, where it matters, is a field. Thread-safe.
 */
public final class EventLog {

    private final Logger decisions = logger(EventChannel.DECISIONS);
    private final Logger orders = logger(EventChannel.ORDERS);
    private final Logger fills = logger(EventChannel.FILLS);
    private final Logger balances = logger(EventChannel.BALANCES);
    private final Logger safety = logger(EventChannel.SAFETY);
    private final Logger general = LoggerFactory.getLogger(EventChannel.GENERAL_LOGGER);

    /** Strategy signals, risk decisions and the reasons behind them: {@code decisions.jsonl}. */
    public void decision(String event, Map<String, ?> fields) {
        write(decisions, event, fields);
    }

    /** Order intents, submissions, status changes and cancels: {@code orders.jsonl}. */
    public void order(String event, Map<String, ?> fields) {
        write(orders, event, fields);
    }

    /** Executions: {@code fills.jsonl}. */
    public void fill(String event, Map<String, ?> fields) {
        write(fills, event, fields);
    }

    /** Balance and position snapshots: {@code balances.jsonl}. */
    public void balance(String event, Map<String, ?> fields) {
        write(balances, event, fields);
    }

    /** Kill switch, anomalies, circuit breaker: {@code safety.jsonl}. */
    public void safety(String event, Map<String, ?> fields) {
        write(safety, event, fields);
    }

    /** Anything else worth a structured line: {@code general.jsonl}. */
    public void general(String event, Map<String, ?> fields) {
        write(general, event, fields);
    }

    private static void write(Logger logger, String event, Map<String, ?> fields) {
        Objects.requireNonNull(event, "event");
        if (logger.isInfoEnabled()) {
            logger.info(Markers.appendEntries(EventFields.of(event, fields)), event);
        }
    }

    private static Logger logger(EventChannel channel) {
        return LoggerFactory.getLogger(channel.loggerName());
    }
}
