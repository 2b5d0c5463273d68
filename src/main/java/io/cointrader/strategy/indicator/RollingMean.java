package io.cointrader.strategy.indicator;

/**
 * Arithmetic mean of the last {@code window} values (fewer until the window has filled). Stable once
 * the window is full.
 */
public final class RollingMean {

    private final double[] values;
    private int next;
    private int size;
    private double sum;
    private long count;

    public RollingMean(int window) {
        this.values = new double[Checks.requirePeriod(window, "rolling mean window")];
    }

    /** Folds in one value for good, pushing out the oldest once the window is full. */
    public void add(double value) {
        Checks.requireFinite(value, "rolling mean input");
        if (size == values.length) {
            sum -= values[next];
        } else {
            size++;
        }
        values[next] = value;
        sum += value;
        next++;
        if (next == values.length) {
            next = 0;
            // A running sum drifts over a long series; re-adding once per window keeps it exact
            // enough at O(1) amortised cost.
            sum = exactSum();
        }
        count++;
    }

    /** The mean {@link #add} would produce for {@code value}, without changing this indicator. */
    public double peek(double value) {
        Checks.requireFinite(value, "rolling mean input");
        if (size == values.length) {
            return (sum - values[next] + value) / size;
        }
        return (sum + value) / (size + 1);
    }

    /**
     * The mean of the values in the window.
     *
     * @throws IllegalStateException when nothing has been added yet
     */
    public double value() {
        if (size == 0) {
            throw new IllegalStateException("no value has been added yet");
        }
        return sum / size;
    }

    /** Number of values added so far (not capped at the window). */
    public long count() {
        return count;
    }

    /** Number of values needed before {@link #isStable()} holds. */
    public int warmUp() {
        return values.length;
    }

    public boolean isStable() {
        return size == values.length;
    }

    public int window() {
        return values.length;
    }

    private double exactSum() {
        double total = 0.0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
