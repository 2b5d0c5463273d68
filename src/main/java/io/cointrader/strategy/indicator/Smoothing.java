package io.cointrader.strategy.indicator;

/**
 * The arithmetic of the indicators as plain functions, for code that keeps indicator state in its
 * own fields: the strategy's per-symbol state folds and peeks every candle on a backtest's hot path.
 * The indicator classes compute through the same functions, so both round alike.
 */
public final class Smoothing {

    private Smoothing() {}

    /** The smoothing factor of an EMA over {@code period} values: 2 / (period + 1). */
    public static double emaAlpha(int period) {
        return 2.0 / (Checks.requirePeriod(period, "EMA period") + 1);
    }

    /** The smoothing factor of Wilder's averages over {@code period} values: 1 / period. */
    public static double wilderAlpha(int period) {
        return 1.0 / Checks.requirePeriod(period, "period");
    }

    /** Values an EMA or one of Wilder's averages over {@code period} values needs before it is stable. */
    public static int warmUp(int period) {
        return period + 1;
    }

    /**
     * The next smoothed value: {@code x} itself for the first value, else {@code (x - previous) * alpha
     * + previous}, the operation order of ta4j, so that both round alike.
     */
    public static double next(boolean first, double previous, double x, double alpha) {
        return first ? x : (x - previous) * alpha + previous;
    }

    /**
     * Wilder's true range: the candle's range, widened to the previous close when there is one.
     *
     * @throws IllegalArgumentException if a value is not finite or {@code high} is below {@code low}
     */
    public static double trueRange(boolean first, double high, double low, double close, double previousClose) {
        Checks.requireFinite(high, "high");
        Checks.requireFinite(low, "low");
        Checks.requireFinite(close, "close");
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        double range = high - low;
        if (first) {
            return range;
        }
        return Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }

    /** RSI from the average gain and loss: 0 when both are zero, 100 when only the loss is. */
    public static double rsi(double averageGain, double averageLoss) {
        if (averageLoss == 0.0) {
            return averageGain == 0.0 ? 0.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
    }
}
