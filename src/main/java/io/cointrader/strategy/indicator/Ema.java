package io.cointrader.strategy.indicator;

/**
 * Exponential moving average with alpha = 2/(n+1), seeded with the first value (as ta4j's {@code
 * EMAIndicator}). Stable once more than {@code period} values have been added.
 */
public final class Ema {

    private final int period;
    private final ExponentialSmoothing smoothing;

    public Ema(int period) {
        this.period = Checks.requirePeriod(period, "EMA period");
        this.smoothing = new ExponentialSmoothing(Smoothing.emaAlpha(period));
    }

    /** Folds in one value for good. */
    public void add(double value) {
        smoothing.add(Checks.requireFinite(value, "EMA input"));
    }

    /** The value {@link #add} would produce for {@code value}, without changing this indicator. */
    public double peek(double value) {
        return smoothing.peek(Checks.requireFinite(value, "EMA input"));
    }

    /**
     * Folds in the value last given to {@link #peek}, for good: the same as {@code add} of it, without
     * computing it again. Only valid right after that peek.
     */
    public void addPeeked() {
        smoothing.addPeeked();
    }

    /**
     * The current value.
     *
     * @throws IllegalStateException when nothing has been added yet
     */
    public double value() {
        return smoothing.value();
    }

    /** Number of values added so far. */
    public long count() {
        return smoothing.count();
    }

    /** Number of values needed before {@link #isStable()} holds. */
    public int warmUp() {
        return Smoothing.warmUp(period);
    }

    public boolean isStable() {
        return count() >= warmUp();
    }

    public int period() {
        return period;
    }
}
