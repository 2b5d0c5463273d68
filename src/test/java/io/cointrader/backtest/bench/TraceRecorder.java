package io.cointrader.backtest.bench;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a {@link BareLoop} pass reports, in arrays indexed by candle. */
final class TraceRecorder implements BareLoop.Trace {

    /** One entry or exit: the candle index and {@link BareLoop#BUY} or {@link BareLoop#SELL}. */
    record Fill(int index, int side, double quantity, double price, double fee) {}

    final double[] fastEma;
    final double[] slowEma;
    final double[] atr;
    final double[] rsi;
    final double[] volumeMean;
    final int[] decision;
    final List<Fill> fills = new ArrayList<>();

    TraceRecorder(int candles) {
        fastEma = new double[candles];
        slowEma = new double[candles];
        atr = new double[candles];
        rsi = new double[candles];
        volumeMean = new double[candles];
        decision = new int[candles];
    }

    @Override
    public void candle(int index, double fast, double slow, double atr, double rsi, double mean, int decision) {
        this.fastEma[index] = fast;
        this.slowEma[index] = slow;
        this.atr[index] = atr;
        this.rsi[index] = rsi;
        this.volumeMean[index] = mean;
        this.decision[index] = decision;
    }

    @Override
    public void fill(int index, int side, double quantity, double price, double fee) {
        fills.add(new Fill(index, side, quantity, price, fee));
    }
}
