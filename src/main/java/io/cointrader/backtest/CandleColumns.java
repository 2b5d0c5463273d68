package io.cointrader.backtest;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The candles of one symbol in columns, ascending by open time: what a backtest reads millions of
 * times. Indicator inputs are the {@code double} values of the candles (exactly what {@code
 * BigDecimal.doubleValue()} gives, as in the trading loop); the close is also kept exact, because it
 * becomes the price of orders. Immutable: the arrays are never handed out.
 */
public final class CandleColumns {

    private final Symbol symbol;
    private final long[] openSeconds;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final BigDecimal[] exactClose;

    /**
     * @param openSeconds open times in epoch seconds, strictly ascending
     * @param exactClose the closes as exact decimals; {@code close[i]} must be {@code
     *     exactClose[i].doubleValue()}
     * @throws IllegalArgumentException when the columns differ in length, are empty or not ascending
     */
    public CandleColumns(
            Symbol symbol,
            long[] openSeconds,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            BigDecimal[] exactClose) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        int n = openSeconds.length;
        if (n == 0) {
            throw new IllegalArgumentException("no candles for " + symbol);
        }
        if (open.length != n
                || high.length != n
                || low.length != n
                || close.length != n
                || volume.length != n
                || exactClose.length != n) {
            throw new IllegalArgumentException("the candle columns of " + symbol + " differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (openSeconds[i] <= openSeconds[i - 1]) {
                throw new IllegalArgumentException("candles of " + symbol + " are not strictly ascending at "
                        + Instant.ofEpochSecond(openSeconds[i]));
            }
        }
        this.openSeconds = openSeconds.clone();
        this.open = open.clone();
        this.high = high.clone();
        this.low = low.clone();
        this.close = close.clone();
        this.volume = volume.clone();
        this.exactClose = exactClose.clone();
    }

    /** Columns of candles already validated as ascending with no duplicate open time. */
    public static CandleColumns of(Symbol symbol, List<Candle> candles) {
        int n = candles.size();
        long[] times = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        BigDecimal[] exact = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Candle candle = candles.get(i);
            if (candle.openTime().getNano() != 0) {
                throw new IllegalArgumentException(
                        "candle of " + symbol + " at " + candle.openTime() + " does not open on a whole second");
            }
            times[i] = candle.openTime().getEpochSecond();
            o[i] = candle.open().doubleValue();
            h[i] = candle.high().doubleValue();
            l[i] = candle.low().doubleValue();
            c[i] = candle.close().doubleValue();
            v[i] = candle.volume().doubleValue();
            exact[i] = candle.close();
        }
        return new CandleColumns(symbol, times, o, h, l, c, v, exact);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return openSeconds.length;
    }

    public long openSecond(int i) {
        return openSeconds[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    public BigDecimal exactClose(int i) {
        return exactClose[i];
    }

    /**
     * Candle {@code i} as a value. Open, high, low and volume are rebuilt from their doubles, which
     * round-trip exactly, so the strategy sees the very numbers the columns hold.
     */
    public Candle candle(int i) {
        return new Candle(
                Instant.ofEpochSecond(openSeconds[i]),
                BigDecimal.valueOf(open[i]),
                BigDecimal.valueOf(high[i]),
                BigDecimal.valueOf(low[i]),
                exactClose[i],
                BigDecimal.valueOf(volume[i]));
    }

    /** Index of the newest candle that opened strictly before {@code epochSecond}, or -1. */
    public int indexBefore(long epochSecond) {
        int found = Arrays.binarySearch(openSeconds, epochSecond);
        return found >= 0 ? found - 1 : -found - 2;
    }

    /** The smallest distance between two consecutive open times, in seconds; 0 for a single candle. */
    public long smallestStep() {
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < openSeconds.length; i++) {
            smallest = Math.min(smallest, openSeconds[i] - openSeconds[i - 1]);
        }
        return smallest == Long.MAX_VALUE ? 0 : smallest;
    }
}
