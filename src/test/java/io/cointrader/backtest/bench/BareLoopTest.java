package io.cointrader.backtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cointrader.strategy.ConservativeStrategy;
import io.cointrader.strategy.indicator.Ema;
import io.cointrader.strategy.indicator.RollingMean;
import io.cointrader.strategy.indicator.WilderAtr;
import io.cointrader.strategy.indicator.WilderRsi;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bare loop against the production indicators, and its book, on the bundled 132k candles. */
class BareLoopTest {

    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int FIRST_DECISION = BareLoop.MIN_CANDLES - 1;
    private static final double MAX_ATR_RATIO = 0.03;
    private static final double MIN_CONFIDENCE = 0.6;

    private static BenchData data;
    private static TraceRecorder trace;
    private static BareLoop.Result result;

    @BeforeAll
    static void runOnce() {
        data = BenchData.load(BenchData.FILE);
        trace = new TraceRecorder(data.size());
        result = BareLoop.run(data, trace);
    }

    @Test
    void startsDecidingWhenTheProductionStrategyDoes() {
        assertThat(BareLoop.MIN_CANDLES).isEqualTo(new ConservativeStrategy().minCandles());
        assertThat(trace.decision)
                .as("no decision before %d candles", BareLoop.MIN_CANDLES)
                .startsWith(new int[FIRST_DECISION]);
    }

    @Test
    void fastAndSlowEmaEqualProductionEma() {
        Ema fast = new Ema(12);
        Ema slow = new Ema(26);
        double[] fastValues = new double[data.size()];
        double[] slowValues = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            fast.add(data.close()[i]);
            slow.add(data.close()[i]);
            fastValues[i] = fast.value();
            slowValues[i] = slow.value();
        }
        assertMatches("fast EMA", trace.fastEma, i -> fastValues[i]);
        assertMatches("slow EMA", trace.slowEma, i -> slowValues[i]);
    }

    @Test
    void atrEqualsProductionWilderAtr() {
        WilderAtr atr = new WilderAtr(14);
        double[] values = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            atr.add(data.high()[i], data.low()[i], data.close()[i]);
            values[i] = atr.value();
        }
        assertMatches("ATR", trace.atr, i -> values[i]);
    }

    @Test
    void rsiEqualsProductionWilderRsi() {
        WilderRsi rsi = new WilderRsi(14);
        double[] values = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            rsi.add(data.close()[i]);
            values[i] = rsi.value();
        }
        assertMatches("RSI", trace.rsi, i -> values[i]);
    }

    @Test
    void volumeMeanEqualsProductionRollingMean() {
        RollingMean mean = new RollingMean(20);
        double[] values = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            mean.add(data.volume()[i]);
            values[i] = mean.value();
        }
        assertMatches("volume mean", trace.volumeMean, i -> values[i]);
    }

    @Test
    void tradesOftenEnoughForTheBenchmarkToExerciseTheBook() {
        assertThat(result.fills()).isEqualTo(trace.fills.size()).isGreaterThan(100);
        for (int k = 0; k < trace.fills.size(); k++) {
            assertThat(trace.fills.get(k).side())
                    .as("fill %d alternates, starting with a BUY", k)
                    .isEqualTo(k % 2 == 0 ? BareLoop.BUY : BareLoop.SELL);
        }
    }

    @Test
    void bookSpendsATenthOfEquityAndPaysTheFeeOnEveryFill() {
        double cash = BareLoop.INITIAL_CASH;
        for (TraceRecorder.Fill fill : trace.fills) {
            double value = fill.quantity() * fill.price();
            assertThat(fill.price()).isEqualTo(data.close()[fill.index()]);
            assertThat(fill.fee()).isCloseTo(value * BareLoop.FEE_RATE, within(1e-9));
            if (fill.side() == BareLoop.BUY) {
                assertThat(value).isCloseTo(cash * BareLoop.POSITION_FRACTION, within(1e-9));
                cash -= value + fill.fee();
            } else {
                cash += value - fill.fee();
            }
        }
    }

    @Test
    void finalEquityAndMaxDrawdownFollowFromTheFills() {
        double cash = BareLoop.INITIAL_CASH;
        double quantity = 0.0;
        double peak = cash;
        double maxDrawdown = 0.0;
        int next = 0;
        for (int i = 0; i < data.size(); i++) {
            if (next < trace.fills.size() && trace.fills.get(next).index() == i) {
                TraceRecorder.Fill fill = trace.fills.get(next++);
                double value = fill.quantity() * fill.price();
                cash += fill.side() == BareLoop.BUY ? -(value + fill.fee()) : value - fill.fee();
                quantity = fill.side() == BareLoop.BUY ? fill.quantity() : 0.0;
            }
            double equity = cash + quantity * data.close()[i];
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
        }
        assertThat(next).isEqualTo(trace.fills.size());
        assertThat(result.finalEquity()).isCloseTo(cash + quantity * data.close()[data.size() - 1], within(1e-6));
        assertThat(result.maxDrawdown()).isGreaterThan(0.0).isCloseTo(maxDrawdown, within(1e-12));
    }

    @Test
    void buysOnlyWhenEveryBuyConditionHolds() {
        // fast 101 > slow 100, close 102 > slow, ATR/close 0.0098 < 0.03, RSI 50, volume 10 > 0.5 x 12
        assertThat(decide(101, 100, 1, 50, 102, 10, 12)).isEqualTo(BareLoop.BUY);
        assertThat(decide(101, 100, 1, 50, 99, 10, 12))
                .as("close not above slow")
                .isEqualTo(BareLoop.HOLD);
        assertThat(decide(101, 100, 3.1, 50, 102, 10, 12))
                .as("ATR/close above 0.03")
                .isEqualTo(BareLoop.HOLD);
        assertThat(decide(101, 100, 1, 30, 102, 10, 12)).as("RSI = 30").isEqualTo(BareLoop.HOLD);
        assertThat(decide(101, 100, 1, 65, 102, 10, 12)).as("RSI = 65").isEqualTo(BareLoop.HOLD);
        assertThat(decide(101, 100, 1, 50, 102, 6, 12))
                .as("volume = half the mean")
                .isEqualTo(BareLoop.HOLD);
        assertThat(decide(100, 100, 1, 50, 102, 10, 12)).as("fast = slow").isEqualTo(BareLoop.HOLD);
    }

    @Test
    void sellsOnTrendReversalOrOverboughtRsi() {
        assertThat(decide(99, 100, 1, 50, 102, 10, 12)).isEqualTo(BareLoop.SELL);
        assertThat(decide(101, 100, 1, 75.01, 102, 10, 12)).isEqualTo(BareLoop.SELL);
        assertThat(decide(101, 100, 1, 75, 102, 10, 12)).as("RSI = 75").isEqualTo(BareLoop.HOLD);
    }

    private static int decide(double fast, double slow, double atr, double rsi, double close, double v, double mean) {
        return BareLoop.decide(fast, slow, atr, rsi, close, v, mean, MAX_ATR_RATIO, MIN_CONFIDENCE);
    }

    private static void assertMatches(String what, double[] ours, IntToDoubleFunction production) {
        int worst = FIRST_DECISION;
        double worstError = 0.0;
        for (int i = FIRST_DECISION; i < ours.length; i++) {
            double expected = production.applyAsDouble(i);
            double error = Math.abs(ours[i] - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
            if (error > worstError) {
                worstError = error;
                worst = i;
            }
        }
        assertThat(worstError)
                .as("%s: largest relative error at candle %d", what, worst)
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }
}
