package io.cointrader.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Protective exits, in percent; zero switches one off (all are off by default).
 *
 * @param stopLossPct sell when the price falls this far below the average entry (STOP_LOSS_PCT)
 * @param takeProfitPct sell when the price rises this far above the average entry (TAKE_PROFIT_PCT)
 * @param trailingStopPct sell when the price falls this far below the highest price since entry
 *     (TRAILING_STOP_PCT)
 */
public record ExitSettings(BigDecimal stopLossPct, BigDecimal takeProfitPct, BigDecimal trailingStopPct) {

    public ExitSettings {
        Objects.requireNonNull(stopLossPct, "stopLossPct");
        Objects.requireNonNull(takeProfitPct, "takeProfitPct");
        Objects.requireNonNull(trailingStopPct, "trailingStopPct");
    }

    /** Every exit off. */
    public static ExitSettings off() {
        return new ExitSettings(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Whether at least one exit is on. */
    public boolean any() {
        return stopLossPct.signum() > 0 || takeProfitPct.signum() > 0 || trailingStopPct.signum() > 0;
    }
}
