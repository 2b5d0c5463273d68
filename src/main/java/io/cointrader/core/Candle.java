package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV candle. {@code openTime} is the start of the interval (Upbit {@code
 * candle_date_time_utc}); {@code volume} is the traded base quantity. The newest candle of a live
 * series may still be forming.
 */
public record Candle(
        Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Candle {
        Objects.requireNonNull(openTime, "openTime");
        Money.requirePositive(open, "open");
        Money.requirePositive(high, "high");
        Money.requirePositive(low, "low");
        Money.requirePositive(close, "close");
        Money.requireNonNegative(volume, "volume");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("candle high " + high + " is below low " + low);
        }
    }
}
