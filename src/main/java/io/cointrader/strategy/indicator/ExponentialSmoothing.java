package io.cointrader.strategy.indicator;

/**
 * Exponential smoothing seeded with the first value: the common core of the EMA (alpha = 2/(n+1)) and
 * of Wilder's moving average (alpha = 1/n), the way ta4j's {@code AbstractEMAIndicator} computes both.
 */
final class ExponentialSmoothing {

    private final double alpha;
    private double value = Double.NaN;
    private long count;
    private double peeked = Double.NaN;

    ExponentialSmoothing(double alpha) {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be within (0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    void add(double x) {
        value = next(x);
        count++;
    }

    double peek(double x) {
        peeked = next(x);
        return peeked;
    }

    /** Adds the value of the last {@link #peek}: exactly {@code add(x)} for the {@code x} peeked, without recomputing. */
    void addPeeked() {
        value = peeked;
        count++;
    }

    double value() {
        if (count == 0) {
            throw new IllegalStateException("no value has been added yet");
        }
        return value;
    }

    long count() {
        return count;
    }

    private double next(double x) {
        return Smoothing.next(count == 0, value, x, alpha);
    }
}
