package io.cointrader.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy's advice for one symbol on one tick.
 *
 * @param candleTime opening time of the newest candle the signal was computed on; part of the
 *     deterministic intent id
 * @param confidence 0..1
 * @param indicators indicator values for the audit log (name to value); never null
 */
public record Signal(
        String strategy,
        Symbol symbol,
        SignalType type,
        double confidence,
        String reason,
        Instant candleTime,
        Map<String, Double> indicators) {

    public Signal {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
    }
}
