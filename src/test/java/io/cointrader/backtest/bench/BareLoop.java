package io.cointrader.backtest.bench;

import io.cointrader.strategy.ConservativeParameters;

/**
 * The conservative strategy and a one-position long-only book in one pass of primitive maths, with no
 * framework and no allocation inside the loop: the practical ceiling of the machine for this work.
 *
 * <p>Per candle it folds the candle into the indicators exactly as the production indicators do (EMA
 * seeded with the first close; Wilder's ATR seeded with the first high − low; Wilder's RSI whose first
 * close adds a gain and a loss of zero; the volume mean of the last 20 candles as a running sum that is
 * re-added once per window), then decides from the candle's close once {@link #MIN_CANDLES} candles
 * are in: BUY when fast EMA > slow EMA, close > slow EMA, ATR / close < 0.03, 30 < RSI < 65, volume
 * > 0.5 × volume mean and confidence = min(0.9, 0.6 + trend % / 100) ≥ 0.6; else SELL when fast EMA
 * < slow EMA or RSI > 75. A BUY while flat spends {@value #POSITION_FRACTION} of the equity at the
 * close, a SELL while holding sells everything at the close, each fill paying {@value #FEE_RATE} of
 * its value; equity (cash + quantity × close) and its maximum drawdown are tracked on every candle.
 *
 * <p>That is also what the pipeline of {@code trader backtest} does with the default settings when
 * the closes lie on the price grid, as the benchmark candles' do: its planner buys a tenth of the
 * equity only for a symbol neither held nor with a buy open, sells the whole position, and prices
 * both at the close, where they fill at once ({@code PipelineVersusBareLoopTest}).
 */
final class BareLoop {

    /** Candles needed before the first decision, as {@code ConservativeStrategy#minCandles()}. */
    static final int MIN_CANDLES = 36;

    static final double INITIAL_CASH = 10_000.0;
    static final double POSITION_FRACTION = 0.10;
    static final double FEE_RATE = 0.0005;

    static final double RSI_BUY_LOW = 30.0;
    static final double RSI_BUY_HIGH = 65.0;
    static final double RSI_OVERBOUGHT = 75.0;
    static final double VOLUME_FACTOR = 0.5;
    static final double BASE_CONFIDENCE = 0.6;
    static final double CONFIDENCE_CAP = 0.9;

    static final int HOLD = 0;
    static final int BUY = 1;
    static final int SELL = -1;

    private BareLoop() {}

    /**
     * What a pass produced.
     *
     * @param fills entries plus exits
     * @param finalEquity cash plus the open position at the last close
     * @param maxDrawdown largest fall of equity from its running peak, as a fraction of the peak
     */
    record Result(int fills, double finalEquity, double maxDrawdown) {}

    /** Sees every candle's indicators and decision and every fill; for tests only. */
    interface Trace {

        void candle(int index, double fastEma, double slowEma, double atr, double rsi, double volumeMean, int decision);

        void fill(int index, int side, double quantity, double price, double fee);
    }

    /** One pass over {@code data} with the default parameters. */
    static Result run(BenchData data) {
        return run(data, null);
    }

    /**
     * One pass over {@code data} with the default parameters, reporting to {@code trace} when it is
     * not null (the benchmark passes null, so the JIT drops the reporting as a never-taken branch).
     *
     * <p>One long method on purpose: the indicator and book state live in local variables (registers)
     * for the whole pass, which is what this baseline measures.
     */
    static Result run(BenchData data, Trace trace) {
        ConservativeParameters p = ConservativeParameters.defaults();
        final double[] high = data.high();
        final double[] low = data.low();
        final double[] close = data.close();
        final double[] volume = data.volume();
        final int n = close.length;
        final double fastAlpha = 2.0 / (p.fastPeriod() + 1);
        final double slowAlpha = 2.0 / (p.slowPeriod() + 1);
        final double atrAlpha = 1.0 / p.atrPeriod();
        final double rsiAlpha = 1.0 / p.rsiPeriod();
        final double maxAtrRatio = p.volatilityThreshold();
        final double minConfidence = p.minConfidence();
        final double[] window = new double[p.volumeWindow()];
        final int firstDecision = MIN_CANDLES - 1;

        double fast = close[0];
        double slow = close[0];
        double atr = high[0] - low[0];
        double avgGain = 0.0;
        double avgLoss = 0.0;
        double previousClose = close[0];
        int next = 0;
        int filled = 0;
        double sum = 0.0;

        double cash = INITIAL_CASH;
        double quantity = 0.0;
        boolean holding = false;
        double peak = INITIAL_CASH;
        double maxDrawdown = 0.0;
        int fills = 0;

        for (int i = 0; i < n; i++) {
            final double c = close[i];
            final double h = high[i];
            final double l = low[i];
            final double v = volume[i];
            if (i > 0) {
                // (x - previous) * alpha + previous, the operation order of the production smoothing
                fast = (c - fast) * fastAlpha + fast;
                slow = (c - slow) * slowAlpha + slow;
                double trueRange = Math.max(h - l, Math.max(Math.abs(h - previousClose), Math.abs(l - previousClose)));
                atr = (trueRange - atr) * atrAlpha + atr;
                double change = c - previousClose;
                avgGain = (Math.max(change, 0.0) - avgGain) * rsiAlpha + avgGain;
                avgLoss = (Math.max(-change, 0.0) - avgLoss) * rsiAlpha + avgLoss;
                previousClose = c;
            }
            if (filled == window.length) {
                sum -= window[next];
            } else {
                filled++;
            }
            window[next] = v;
            sum += v;
            if (++next == window.length) {
                next = 0;
                // re-adding once per window keeps the running sum from drifting, as RollingMean does
                sum = sum(window);
            }
            final double volumeMean = sum / filled;
            final double rsi =
                    avgLoss == 0.0 ? (avgGain == 0.0 ? 0.0 : 100.0) : 100.0 - 100.0 / (1.0 + avgGain / avgLoss);

            final int decision = i < firstDecision
                    ? HOLD
                    : decide(fast, slow, atr, rsi, c, v, volumeMean, maxAtrRatio, minConfidence);

            if (decision == BUY && !holding) {
                double spend = cash * POSITION_FRACTION;
                double fee = spend * FEE_RATE;
                quantity = spend / c;
                cash -= spend + fee;
                holding = true;
                fills++;
                if (trace != null) {
                    trace.fill(i, BUY, quantity, c, fee);
                }
            } else if (decision == SELL && holding) {
                double proceeds = quantity * c;
                double fee = proceeds * FEE_RATE;
                cash += proceeds - fee;
                if (trace != null) {
                    trace.fill(i, SELL, quantity, c, fee);
                }
                quantity = 0.0;
                holding = false;
                fills++;
            }
            final double equity = cash + quantity * c;
            if (equity > peak) {
                peak = equity;
            } else {
                double drawdown = (peak - equity) / peak;
                if (drawdown > maxDrawdown) {
                    maxDrawdown = drawdown;
                }
            }
            if (trace != null) {
                trace.candle(i, fast, slow, atr, rsi, volumeMean, decision);
            }
        }
        return new Result(fills, cash + quantity * close[n - 1], maxDrawdown);
    }

    /** BUY, SELL or HOLD for one candle's indicator values, with the production rules in double maths. */
    static int decide(
            double fast,
            double slow,
            double atr,
            double rsi,
            double close,
            double volume,
            double volumeMean,
            double maxAtrRatio,
            double minConfidence) {
        if (fast > slow
                && close > slow
                && atr / close < maxAtrRatio
                && rsi > RSI_BUY_LOW
                && rsi < RSI_BUY_HIGH
                && volume > VOLUME_FACTOR * volumeMean
                && Math.min(CONFIDENCE_CAP, BASE_CONFIDENCE + (fast - slow) / slow * 100.0 / 100.0) >= minConfidence) {
            return BUY;
        }
        return fast < slow || rsi > RSI_OVERBOUGHT ? SELL : HOLD;
    }

    private static double sum(double[] values) {
        double total = 0.0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
