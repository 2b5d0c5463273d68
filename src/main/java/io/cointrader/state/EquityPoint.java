package io.cointrader.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Total equity at one account snapshot (trading-clock time). */
public record EquityPoint(Instant time, BigDecimal equity) {

    public EquityPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
    }
}
