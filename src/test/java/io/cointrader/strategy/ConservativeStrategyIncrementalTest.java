package io.cointrader.strategy;

import static io.cointrader.strategy.Series.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.strategy.indicator.SampleCandles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The per-symbol state of {@link ConservativeStrategy} must give exactly what a fresh instance computes
 * over the same closed history, whatever sequence of calls led there.
 */
class ConservativeStrategyIncrementalTest {

    private static final int WINDOW = 200;
    private static final List<Candle> ALL = SampleCandles.btcHourly();

    private final ConservativeStrategy live = new ConservativeStrategy();

    @Test
    void slidingWindowsEqualAFreshComputationOverTheWholeHistory() {
        Set<SignalType> seen = EnumSet.noneOf(SignalType.class);
        for (int end = WINDOW; end <= ALL.size(); end++) {
            Signal incremental = evaluate(live, BTC, ALL.subList(end - WINDOW, end));
            assertThat(incremental).isEqualTo(fromScratch(ALL.subList(0, end)));
            seen.add(incremental.type());
        }
        assertThat(seen).as("the real series exercises more than one outcome").hasSizeGreaterThan(1);
    }

    @Test
    void formingCandleUpdatesAreNeverFoldedAndTheFinalCandleIsFoldedOnce() {
        for (int end = WINDOW; end <= 400; end++) {
            List<Candle> closed = ALL.subList(end - WINDOW, end - 1);
            Candle complete = ALL.get(end - 1);
            for (Candle provisional : provisionalVersionsOf(complete)) {
                Signal tick = evaluate(live, BTC, append(closed, provisional));
                assertThat(tick).isEqualTo(fromScratch(append(ALL.subList(0, end - 1), provisional)));
            }
            Signal last = evaluate(live, BTC, append(closed, complete));
            assertThat(last).isEqualTo(fromScratch(ALL.subList(0, end)));
        }
    }

    @Test
    void rebuildsWhenTheSeriesStartsAfterAGap() {
        evaluate(live, BTC, ALL.subList(100, 300));
        List<Candle> afterGap = ALL.subList(400, 600);
        assertThat(evaluate(live, BTC, afterGap)).isEqualTo(fromScratch(afterGap));
    }

    @Test
    void rebuildsWhenGivenAnOlderSeries() {
        evaluate(live, BTC, ALL.subList(300, 500));
        List<Candle> older = ALL.subList(100, 300);
        assertThat(evaluate(live, BTC, older)).isEqualTo(fromScratch(older));
    }

    @Test
    void rebuildsWhenTheLastFoldedCandleWasRevised() {
        evaluate(live, BTC, ALL.subList(100, 300));
        List<Candle> revised = new ArrayList<>(ALL.subList(101, 301));
        Candle lastFolded = revised.get(197); // ALL[298], the newest closed candle of the first call
        revised.set(197, withVolume(lastFolded, lastFolded.volume().add(BigDecimal.ONE)));
        assertThat(evaluate(live, BTC, revised)).isEqualTo(fromScratch(revised));
    }

    @Test
    void rebuildsWhenTheNewestCandleIsOneAlreadyFolded() {
        evaluate(live, BTC, ALL.subList(100, 300));
        List<Candle> shorter = ALL.subList(100, 299); // ALL[298] is forming again
        assertThat(evaluate(live, BTC, shorter)).isEqualTo(fromScratch(shorter));
    }

    @Test
    void acceptsNewestFirstInputAsUpbitReturnsIt() {
        evaluate(live, BTC, ALL.subList(0, 200));
        List<Candle> window = ALL.subList(50, 250);
        List<Candle> newestFirst = new ArrayList<>(window);
        Collections.reverse(newestFirst);
        assertThat(live.evaluate(BTC, newestFirst, Series.tickerAtClose(BTC, window)))
                .isEqualTo(fromScratch(ALL.subList(0, 250)));
    }

    @Test
    void acceptsShuffledInput() {
        List<Candle> window = ALL.subList(0, 200);
        List<Candle> shuffled = new ArrayList<>(window);
        Collections.shuffle(shuffled, new Random(42));
        assertThat(live.evaluate(BTC, shuffled, Series.tickerAtClose(BTC, window)))
                .isEqualTo(fromScratch(window));
    }

    @Test
    void keepsTheLaterOfTwoCandlesWithTheSameOpenTime() {
        List<Candle> window = ALL.subList(0, 200);
        Candle revised = withVolume(window.get(150), new BigDecimal("123.45"));
        List<Candle> expected = new ArrayList<>(window);
        expected.set(150, revised);

        List<Candle> revisedLast = append(window, revised);
        assertThat(new ConservativeStrategy().evaluate(BTC, revisedLast, Series.tickerAtClose(BTC, window)))
                .isEqualTo(fromScratch(expected));

        List<Candle> revisedFirst = new ArrayList<>(window);
        revisedFirst.add(0, revised);
        assertThat(new ConservativeStrategy().evaluate(BTC, revisedFirst, Series.tickerAtClose(BTC, window)))
                .isEqualTo(fromScratch(window));
    }

    @Test
    void keepsSeparateStateForEverySymbol() {
        Symbol eth = Symbol.parse("ETH/KRW");
        ConservativeStrategy btcOnly = new ConservativeStrategy();
        ConservativeStrategy ethOnly = new ConservativeStrategy();
        for (int end = WINDOW; end <= 400; end++) {
            List<Candle> btc = ALL.subList(end - WINDOW, end);
            List<Candle> ethLike = ALL.subList(end - WINDOW + 200, end + 200);
            assertThat(evaluate(live, BTC, btc)).isEqualTo(evaluate(btcOnly, BTC, btc));
            assertThat(evaluate(live, eth, ethLike)).isEqualTo(evaluate(ethOnly, eth, ethLike));
        }
    }

    private static Signal evaluate(ConservativeStrategy strategy, Symbol symbol, List<Candle> candles) {
        return strategy.evaluate(symbol, candles, Series.tickerAtClose(symbol, candles));
    }

    private static Signal fromScratch(List<Candle> candles) {
        return evaluate(new ConservativeStrategy(), BTC, candles);
    }

    private static List<Candle> append(List<Candle> candles, Candle newest) {
        List<Candle> result = new ArrayList<>(candles);
        result.add(newest);
        return result;
    }

    /** How the candle may have looked earlier in its hour: other close, narrower range, less volume. */
    private static List<Candle> provisionalVersionsOf(Candle complete) {
        List<Candle> versions = new ArrayList<>();
        for (double move : new double[] {-0.004, 0.0, 0.003}) {
            BigDecimal close =
                    complete.open().multiply(BigDecimal.valueOf(1 + move)).setScale(0, RoundingMode.HALF_UP);
            BigDecimal high = complete.open().max(close);
            BigDecimal low = complete.open().min(close);
            BigDecimal volume = complete.volume().multiply(BigDecimal.valueOf(0.3 + move * 50));
            versions.add(new Candle(complete.openTime(), complete.open(), high, low, close, volume));
        }
        return versions;
    }

    private static Candle withVolume(Candle c, BigDecimal volume) {
        return new Candle(c.openTime(), c.open(), c.high(), c.low(), c.close(), volume);
    }
}
