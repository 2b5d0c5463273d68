package io.cointrader.strategy.indicator;

/**
 * Average true range with Wilder's smoothing (alpha = 1/n), seeded with the first true range, which
 * is that candle's high minus low (as ta4j's {@code ATRIndicator}). Later true ranges are max(high −
 * low, |high − previous close|, |low − previous close|). Stable once more than {@code period} candles
 * have been added.
 */
public final class WilderAtr {

    private final int period;
    private final ExponentialSmoothing smoothing;
    private double previousClose = Double.NaN;
    private double peekedClose = Double.NaN;

    public WilderAtr(int period) {
        this.period = Checks.requirePeriod(period, "ATR period");
        this.smoothing = new ExponentialSmoothing(Smoothing.wilderAlpha(period));
    }

    /** Folds in one candle for good. */
    public void add(double high, double low, double close) {
        double trueRange = trueRange(high, low, close);
        smoothing.add(trueRange);
        previousClose = close;
    }

    /** The value {@link #add} would produce for this candle, without changing this indicator. */
    public double peek(double high, double low, double close) {
        peekedClose = close;
        return smoothing.peek(trueRange(high, low, close));
    }

    /**
     * Folds in the candle last given to {@link #peek}, for good: the same as {@code add} of it, without
     * computing it again. Only valid right after that peek.
     */
    public void addPeeked() {
        smoothing.addPeeked();
        previousClose = peekedClose;
    }

    /**
     * The current value, in price units.
     *
     * @throws IllegalStateException when nothing has been added yet
     */
    public double value() {
        return smoothing.value();
    }

    /** Number of candles added so far. */
    public long count() {
        return smoothing.count();
    }

    /** Number of candles needed before {@link #isStable()} holds. */
    public int warmUp() {
        return Smoothing.warmUp(period);
    }

    public boolean isStable() {
        return count() >= warmUp();
    }

    public int period() {
        return period;
    }

    private double trueRange(double high, double low, double close) {
        return Smoothing.trueRange(count() == 0, high, low, close, previousClose);
    }
}
