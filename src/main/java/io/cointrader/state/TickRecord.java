package io.cointrader.state;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of the newest tick of one symbol, kept so that a dashboard in another process can
 * tell when each symbol was last looked at. {@code time} is the trading clock (simulated on the
 * replay exchange), {@code wallTime} the real time of the tick. {@code price} is null when the tick
 * ended before a price was known; {@code action} is the loop's tick action name (e.g. HOLD, ORDER).
 */
public record TickRecord(
        Symbol symbol, Instant time, Instant wallTime, String action, BigDecimal price, String detail) {

    public TickRecord {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
