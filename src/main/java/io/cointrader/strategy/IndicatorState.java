package io.cointrader.strategy;

import io.cointrader.core.Candle;
import io.cointrader.strategy.indicator.Ema;
import io.cointrader.strategy.indicator.RollingMean;
import io.cointrader.strategy.indicator.WilderAtr;
import io.cointrader.strategy.indicator.WilderRsi;
import java.math.BigDecimal;

/**
 * The indicators of one symbol, folded up to its last closed candle. A still-forming candle is only
 * ever {@link #peek peeked}, never folded.
 */
final class IndicatorState {

    private final Ema fast;
    private final Ema slow;
    private final WilderAtr atr;
    private final WilderRsi rsi;
    private final RollingMean volume;
    private Candle last;
    private long count;

    IndicatorState(ConservativeParameters parameters) {
        this.fast = new Ema(parameters.fastPeriod());
        this.slow = new Ema(parameters.slowPeriod());
        this.atr = new WilderAtr(parameters.atrPeriod());
        this.rsi = new WilderRsi(parameters.rsiPeriod());
        this.volume = new RollingMean(parameters.volumeWindow());
    }

    /** Folds in a closed candle for good. */
    void fold(Candle candle) {
        double close = toDouble(candle.close());
        fast.add(close);
        slow.add(close);
        atr.add(toDouble(candle.high()), toDouble(candle.low()), close);
        rsi.add(close);
        volume.add(toDouble(candle.volume()));
        last = candle;
        count++;
    }

    /** Indicator values as if {@code forming} were the next candle; the state is left unchanged. */
    IndicatorValues peek(Candle forming) {
        double close = toDouble(forming.close());
        double formingVolume = toDouble(forming.volume());
        return new IndicatorValues(
                fast.peek(close),
                slow.peek(close),
                atr.peek(toDouble(forming.high()), toDouble(forming.low()), close),
                rsi.peek(close),
                formingVolume,
                volume.peek(formingVolume));
    }

    /** The last candle folded in, or null when none has been. */
    Candle last() {
        return last;
    }

    /** Number of candles folded in. */
    long count() {
        return count;
    }

    /** Candles every indicator needs before it is stable. */
    int warmUp() {
        return Math.max(
                Math.max(fast.warmUp(), slow.warmUp()),
                Math.max(Math.max(atr.warmUp(), rsi.warmUp()), volume.warmUp()));
    }

    /** The one place where money values become indicator maths. */
    static double toDouble(BigDecimal value) {
        return value.doubleValue();
    }
}
