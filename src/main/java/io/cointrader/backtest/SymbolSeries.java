package io.cointrader.backtest;

import io.cointrader.core.Symbol;
import java.util.Objects;

/**
 * One symbol through a run, one point per step: the price the step saw (the close of the newest
 * candle) and the strategy's fast and slow EMA at that step ({@code NaN} before the strategy has
 * candles enough). Parallel primitive arrays owned by this value; they must not be changed.
 *
 * @param times step times in epoch seconds, strictly ascending
 */
public record SymbolSeries(Symbol symbol, long[] times, double[] close, double[] fastEma, double[] slowEma) {

    public SymbolSeries {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(times, "times");
        if (close.length != times.length || fastEma.length != times.length || slowEma.length != times.length) {
            throw new IllegalArgumentException("the series of " + symbol + " differ in length");
        }
    }

    public int size() {
        return times.length;
    }
}
