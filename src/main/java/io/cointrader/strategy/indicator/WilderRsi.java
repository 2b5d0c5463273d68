package io.cointrader.strategy.indicator;

/**
 * Relative strength index with Wilder's smoothing (alpha = 1/n) of gains and losses, computed like
 * ta4j's {@code RSIIndicator}: the first close contributes a gain and a loss of zero, both averages are
 * seeded with it, and RSI = 100 − 100 / (1 + avgGain / avgLoss); when the average loss is zero the RSI
 * is 100, or 0 when the average gain is zero too. Stable once more than {@code period} closes (that is,
 * {@code period} changes) have been added.
 */
public final class WilderRsi {

    private final int period;
    private final ExponentialSmoothing gains;
    private final ExponentialSmoothing losses;
    private double previousClose = Double.NaN;
    private double peekedClose = Double.NaN;

    public WilderRsi(int period) {
        this.period = Checks.requirePeriod(period, "RSI period");
        this.gains = new ExponentialSmoothing(Smoothing.wilderAlpha(period));
        this.losses = new ExponentialSmoothing(Smoothing.wilderAlpha(period));
    }

    /** Folds in one close for good. */
    public void add(double close) {
        double change = change(close);
        gains.add(Math.max(change, 0.0));
        losses.add(Math.max(-change, 0.0));
        previousClose = close;
    }

    /** The value {@link #add} would produce for {@code close}, without changing this indicator. */
    public double peek(double close) {
        peekedClose = close;
        double change = change(close);
        return rsi(gains.peek(Math.max(change, 0.0)), losses.peek(Math.max(-change, 0.0)));
    }

    /**
     * Folds in the close last given to {@link #peek}, for good: the same as {@code add} of it, without
     * computing it again. Only valid right after that peek.
     */
    public void addPeeked() {
        gains.addPeeked();
        losses.addPeeked();
        previousClose = peekedClose;
    }

    /**
     * The current value, 0..100.
     *
     * @throws IllegalStateException when nothing has been added yet
     */
    public double value() {
        return rsi(gains.value(), losses.value());
    }

    /** Number of closes added so far. */
    public long count() {
        return gains.count();
    }

    /** Number of closes needed before {@link #isStable()} holds. */
    public int warmUp() {
        return Smoothing.warmUp(period);
    }

    public boolean isStable() {
        return count() >= warmUp();
    }

    public int period() {
        return period;
    }

    private double change(double close) {
        Checks.requireFinite(close, "close");
        return count() == 0 ? 0.0 : close - previousClose;
    }

    private static double rsi(double averageGain, double averageLoss) {
        return Smoothing.rsi(averageGain, averageLoss);
    }
}
