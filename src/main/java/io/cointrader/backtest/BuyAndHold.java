package io.cointrader.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The benchmark: the initial cash split equally across the symbols, each share spent (fee
 * included) at the first price of its series, held to the last step and valued at the last price
 * without an exit fee. Quantities are not rounded to lot sizes. A symbol whose series is empty keeps
 * its share as cash.
 *
 * @param values equity at every step of the run's equity curve
 */
record BuyAndHold(long[] times, double[] values, BigDecimal finalEquity, BigDecimal fees) {

    static BuyAndHold of(BacktestResult result) {
        return of(result.spec(), result.equity().times(), result.series());
    }

    static BuyAndHold of(BacktestSpec spec, long[] times, List<SymbolSeries> series) {
        double[] values = new double[times.length];
        BigDecimal cash = spec.initialCash();
        BigDecimal finalEquity = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal share = series.isEmpty()
                ? BigDecimal.ZERO
                : cash.divide(BigDecimal.valueOf(series.size()), MathContext.DECIMAL64);
        BigDecimal unitCost = BigDecimal.ONE.add(spec.feeRate());
        double cashLeft = 0;
        for (SymbolSeries s : series) {
            if (s.size() == 0) {
                finalEquity = finalEquity.add(share);
                cashLeft += share.doubleValue();
                continue;
            }
            BigDecimal first = BigDecimal.valueOf(s.close()[0]);
            BigDecimal last = BigDecimal.valueOf(s.close()[s.size() - 1]);
            BigDecimal quantity = share.divide(first.multiply(unitCost), MathContext.DECIMAL64);
            fees = fees.add(share.subtract(quantity.multiply(first)));
            finalEquity = finalEquity.add(quantity.multiply(last));
            addHolding(values, times, s, quantity.doubleValue());
        }
        if (series.isEmpty()) {
            finalEquity = cash;
            cashLeft = cash.doubleValue();
        }
        if (cashLeft != 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] += cashLeft;
            }
        }
        return new BuyAndHold(times, values, finalEquity, fees);
    }

    /** Adds quantity × the close last seen at each step (the first close before the series starts). */
    private static void addHolding(double[] values, long[] times, SymbolSeries s, double quantity) {
        long[] at = s.times();
        double[] close = s.close();
        int j = 0;
        for (int i = 0; i < times.length; i++) {
            while (j + 1 < at.length && at[j + 1] <= times[i]) {
                j++;
            }
            values[i] += quantity * close[j];
        }
    }
}
