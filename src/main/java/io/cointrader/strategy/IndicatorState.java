package io.cointrader.strategy;

import io.cointrader.strategy.indicator.RollingMean;
import io.cointrader.strategy.indicator.Smoothing;
import java.math.BigDecimal;

/**
 * The indicators of one symbol, folded up to its last closed candle. A still-forming candle is only
 * ever {@link #peek peeked}, never folded; the values of the last peek are kept in fields, so that the
 * hot path of a backtest evaluates a candle without allocating.
 *
 * <p>The last folded candle is remembered as its open time and the values the indicators saw (as
 * doubles): that is all {@link ConservativeStrategy} needs to tell whether a series continues it.
 */
final class IndicatorState {

    private final double fastAlpha;
    private final double slowAlpha;
    private final double atrAlpha;
    private final double rsiAlpha;
    private final int warmUp;
    private final RollingMean volume;
    private double fast = Double.NaN;
    private double slow = Double.NaN;
    private double atr = Double.NaN;
    private double gain = Double.NaN;
    private double loss = Double.NaN;
    private long count;
    private long lastOpenSecond;
    private int lastOpenNano;
    private double lastHigh;
    private double lastLow;
    private double lastClose;
    private double lastVolume;
    private double peekFast = Double.NaN;
    private double peekSlow = Double.NaN;
    private double peekAtr = Double.NaN;
    private double peekGain = Double.NaN;
    private double peekLoss = Double.NaN;
    private double peekRsi = Double.NaN;
    private double peekVolume = Double.NaN;
    private double peekVolumeMean = Double.NaN;
    private boolean peekPending;
    private double peekHigh;
    private double peekLow;
    private double peekClose;

    IndicatorState(ConservativeParameters parameters) {
        this.fastAlpha = Smoothing.emaAlpha(parameters.fastPeriod());
        this.slowAlpha = Smoothing.emaAlpha(parameters.slowPeriod());
        this.atrAlpha = Smoothing.wilderAlpha(parameters.atrPeriod());
        this.rsiAlpha = Smoothing.wilderAlpha(parameters.rsiPeriod());
        this.volume = new RollingMean(parameters.volumeWindow());
        this.warmUp = Math.max(
                Smoothing.warmUp(Math.max(
                        Math.max(parameters.fastPeriod(), parameters.slowPeriod()),
                        Math.max(parameters.atrPeriod(), parameters.rsiPeriod()))),
                volume.warmUp());
    }

    /** Folds in a closed candle for good. */
    void fold(long openSecond, int openNano, double high, double low, double close, double candleVolume) {
        // a backtest peeks each candle once as the newest and folds it on the next step: the peeked
        // values are exactly those a fold computes, so they are kept instead of recomputed
        if (!(peekPending && isLastPeek(high, low, close, candleVolume))) {
            peek(high, low, close, candleVolume);
        }
        fast = peekFast;
        slow = peekSlow;
        atr = peekAtr;
        gain = peekGain;
        loss = peekLoss;
        peekPending = false;
        volume.add(candleVolume);
        lastOpenSecond = openSecond;
        lastOpenNano = openNano;
        lastHigh = high;
        lastLow = low;
        lastClose = close;
        lastVolume = candleVolume;
        count++;
    }

    /**
     * Computes the indicator values as if this candle were the next one and keeps them for {@link
     * #peeked()} and the accessors; the folded state is left unchanged.
     */
    void peek(double high, double low, double close, double formingVolume) {
        boolean first = count == 0;
        double trueRange = Smoothing.trueRange(first, high, low, close, lastClose);
        double change = first ? 0.0 : close - lastClose;
        peekFast = Smoothing.next(first, fast, close, fastAlpha);
        peekSlow = Smoothing.next(first, slow, close, slowAlpha);
        peekAtr = Smoothing.next(first, atr, trueRange, atrAlpha);
        peekGain = Smoothing.next(first, gain, Math.max(change, 0.0), rsiAlpha);
        peekLoss = Smoothing.next(first, loss, Math.max(-change, 0.0), rsiAlpha);
        peekRsi = Smoothing.rsi(peekGain, peekLoss);
        peekVolume = formingVolume;
        peekVolumeMean = volume.peek(formingVolume);
        peekHigh = high;
        peekLow = low;
        peekClose = close;
        peekPending = true;
    }

    private boolean isLastPeek(double high, double low, double close, double candleVolume) {
        return Double.compare(high, peekHigh) == 0
                && Double.compare(low, peekLow) == 0
                && Double.compare(close, peekClose) == 0
                && Double.compare(candleVolume, peekVolume) == 0;
    }

    /** The values of the last {@link #peek}. */
    IndicatorValues peeked() {
        return new IndicatorValues(peekFast, peekSlow, peekAtr, peekRsi, peekVolume, peekVolumeMean);
    }

    double peekFast() {
        return peekFast;
    }

    double peekSlow() {
        return peekSlow;
    }

    double peekAtr() {
        return peekAtr;
    }

    double peekRsi() {
        return peekRsi;
    }

    double peekVolume() {
        return peekVolume;
    }

    double peekVolumeMean() {
        return peekVolumeMean;
    }

    /** Whether a candle has been folded in. */
    boolean hasLast() {
        return count > 0;
    }

    /** Whether the last folded candle opened at this time with these values (as the indicators see them). */
    boolean lastIs(long openSecond, int openNano, double high, double low, double close, double candleVolume) {
        return count > 0
                && lastOpenSecond == openSecond
                && lastOpenNano == openNano
                && Double.compare(lastHigh, high) == 0
                && Double.compare(lastLow, low) == 0
                && Double.compare(lastClose, close) == 0
                && Double.compare(lastVolume, candleVolume) == 0;
    }

    /** Compares open times with the last folded candle: negative when {@code openSecond} is older. */
    int compareWithLast(long openSecond, int openNano) {
        int bySecond = Long.compare(openSecond, lastOpenSecond);
        return bySecond != 0 ? bySecond : Integer.compare(openNano, lastOpenNano);
    }

    /** Number of candles folded in. */
    long count() {
        return count;
    }

    /** Candles every indicator needs before it is stable. */
    int warmUp() {
        return warmUp;
    }

    /** The one place where money values become indicator maths. */
    static double toDouble(BigDecimal value) {
        return value.doubleValue();
    }
}
