package io.cointrader.backtest;

import java.util.Objects;

/**
 * Total equity (cash plus positions at the last price) after every step of a run, in the quote
 * currency. Kept as two parallel primitive arrays because a run over millions of candles has
 * millions of points; the arrays are owned by this value and must not be changed.
 *
 * @param times step times in epoch seconds, strictly ascending
 * @param values equity at each step
 */
public record EquityCurve(long[] times, double[] values) {

    public EquityCurve {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(values, "values");
        if (times.length != values.length) {
            throw new IllegalArgumentException(
                    "times and values differ in length: " + times.length + " vs " + values.length);
        }
    }

    public int size() {
        return times.length;
    }
}
