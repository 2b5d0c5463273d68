package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** No look-ahead: what the replay shows at a time never depends on data from after that time. */
class ReplayExchangeProperties {

    private static final History BUNDLED = History.bundled();
    private static final long POSITIONS = 1_000_000;

    @Property(tries = 300)
    void candlesOpenBeforeNowAndOnlyTheNewestIsForming(
            @ForAll("symbols") Symbol symbol, @ForAll @LongRange(min = 0, max = POSITIONS - 1) long position) {
        CandleSeries series = BUNDLED.series(symbol).orElseThrow();
        assertCandlesOpenBeforeAndOnlyTheNewestIsForming(series, timeIn(series, position));
    }

    /**
     * The random times above land on a candle boundary about once in 3,600 tries; here every try is
     * one: exactly at a candle's open, a nanosecond on either side, and exactly at its close.
     */
    @Property(tries = 300)
    void atEveryCandleBoundaryTheCandleOpeningNowIsNotYetShownAndTheOneClosingNowIsComplete(
            @ForAll("symbols") Symbol symbol, @ForAll @IntRange(min = 0, max = 100_000) int candleNumber) {
        CandleSeries series = BUNDLED.series(symbol).orElseThrow();
        int index = candleNumber % series.size();
        Instant open = series.get(index).openTime();
        Instant close = open.plus(CandleSeries.INTERVAL);
        for (Instant now : List.of(open.minusNanos(1), open, open.plusNanos(1), close.minusNanos(1), close)) {
            assertCandlesOpenBeforeAndOnlyTheNewestIsForming(series, now);
        }

        ReplayExchange atOpen = new ReplayExchange(BUNDLED, new ReplayClock(open));
        List<Candle> seenAtOpen = atOpen.candles(symbol, 60, 200);
        if (index == 0) {
            assertThat(seenAtOpen).isEmpty();
            assertThat(tickerOrFailure(atOpen, symbol)).isEqualTo(ExchangeUnavailableException.class);
        } else {
            assertThat(seenAtOpen.get(seenAtOpen.size() - 1)).isEqualTo(series.get(index - 1));
            assertThat(atOpen.ticker(symbol).price())
                    .isEqualByComparingTo(series.get(index - 1).close());
        }
        ReplayExchange atClose = new ReplayExchange(BUNDLED, new ReplayClock(close));
        List<Candle> seenAtClose = atClose.candles(symbol, 60, 200);
        assertThat(seenAtClose.get(seenAtClose.size() - 1)).isEqualTo(series.get(index));
        assertThat(atClose.ticker(symbol).price())
                .isEqualByComparingTo(series.get(index).close());
    }

    private static void assertCandlesOpenBeforeAndOnlyTheNewestIsForming(CandleSeries series, Instant now) {
        Symbol symbol = series.symbol();
        List<Candle> candles = new ReplayExchange(BUNDLED, new ReplayClock(now)).candles(symbol, 60, 200);

        int newest = series.indexBefore(now);
        assertThat(candles).as("at %s", now).hasSize(Math.min(200, newest + 1));
        for (int i = 0; i < candles.size(); i++) {
            Candle seen = candles.get(i);
            assertThat(seen.openTime()).isBefore(now);
            if (i > 0) {
                assertThat(seen.openTime()).isAfter(candles.get(i - 1).openTime());
            }
            Candle real = series.get(newest - candles.size() + 1 + i);
            if (i < candles.size() - 1 || !now.isBefore(real.openTime().plus(CandleSeries.INTERVAL))) {
                assertThat(seen).isEqualTo(real);
            } else {
                assertInside(seen, real);
            }
        }
    }

    @Property(tries = 300)
    void laterCandlesDoNotChangeWhatIsSeen(
            @ForAll("symbols") Symbol symbol, @ForAll @LongRange(min = 0, max = POSITIONS - 1) long position) {
        CandleSeries series = BUNDLED.series(symbol).orElseThrow();
        Instant now = timeIn(series, position);
        int newest = series.indexBefore(now);
        List<Candle> otherFuture = new ArrayList<>(series.candles().subList(0, newest + 1));
        // a candle opening exactly now is not shown yet, so it belongs to the future that may differ
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant nextHour = hour.equals(now) ? now : hour.plus(CandleSeries.INTERVAL);
        BigDecimal base = series.get(Math.max(newest, 0)).close();
        for (int h = 0; h < 5; h++) {
            BigDecimal p = base.multiply(BigDecimal.valueOf(h + 2));
            otherFuture.add(new Candle(nextHour.plus(Duration.ofHours(h)), p, p, p, p, BigDecimal.TEN));
        }

        assertSameView(series.candles(), otherFuture, symbol, now);
    }

    @Property(tries = 300)
    void formingCandleHidesItsCloseUntilTheLastThirdAndItsFarExtremeUntilTheFirstThird(
            @ForAll("symbols") Symbol symbol,
            @ForAll @LongRange(min = 0, max = 10_000) long candleNumber,
            @ForAll @LongRange(min = 0, max = 2_399) long secondsIn) {
        CandleSeries series = BUNDLED.series(symbol).orElseThrow();
        int index = (int) (candleNumber % series.size());
        Candle real = series.get(index);
        Instant now = real.openTime().plusSeconds(secondsIn);
        boolean rising = real.close().compareTo(real.open()) >= 0;
        // Another close in the same direction: the path must look the same before 40 minutes.
        BigDecimal otherClose = rising ? real.high() : real.low();
        Candle otherEnd = with(real, real.high(), real.low(), otherClose);
        assertSameView(series.candles(), replace(series.candles(), index, otherEnd), symbol, now);
        if (secondsIn < 1200) {
            // Before 20 minutes the extreme on the close's side has not been approached yet.
            BigDecimal step = real.high().subtract(real.low()).add(BigDecimal.ONE);
            Candle otherExtreme = rising
                    ? with(real, real.high().add(step), real.low(), real.close())
                    : with(
                            real,
                            real.high(),
                            real.low().subtract(real.low().min(step).divide(BigDecimal.valueOf(2))),
                            real.close());
            assertSameView(series.candles(), replace(series.candles(), index, otherExtreme), symbol, now);
        }
    }

    @Provide
    Arbitrary<Symbol> symbols() {
        return Arbitraries.of(List.copyOf(BUNDLED.symbols()));
    }

    /** A time from two hours before the series starts to just before it ends. */
    private static Instant timeIn(CandleSeries series, long position) {
        Instant from = series.first().openTime().minus(Duration.ofHours(2));
        long span = Duration.between(from, series.end()).toSeconds();
        return from.plusSeconds(span * position / POSITIONS);
    }

    private static void assertInside(Candle forming, Candle real) {
        assertThat(forming.openTime()).isEqualTo(real.openTime());
        assertThat(forming.open()).isEqualByComparingTo(real.open());
        assertThat(forming.high()).isLessThanOrEqualTo(real.high());
        assertThat(forming.low()).isGreaterThanOrEqualTo(real.low());
        assertThat(forming.close()).isBetween(forming.low(), forming.high());
        assertThat(forming.volume()).isLessThan(real.volume());
    }

    private static void assertSameView(List<Candle> actual, List<Candle> altered, Symbol symbol, Instant now) {
        ReplayExchange original = new ReplayExchange(History.of(Map.of(symbol, actual)), new ReplayClock(now));
        ReplayExchange other = new ReplayExchange(History.of(Map.of(symbol, altered)), new ReplayClock(now));
        assertThat(other.candles(symbol, 60, 200)).isEqualTo(original.candles(symbol, 60, 200));
        assertThat(tickerOrFailure(other, symbol)).isEqualTo(tickerOrFailure(original, symbol));
    }

    /** The ticker, or the kind of failure when there is no price. */
    private static Object tickerOrFailure(ReplayExchange exchange, Symbol symbol) {
        try {
            return exchange.ticker(symbol);
        } catch (ExchangeUnavailableException e) {
            return e.getClass();
        }
    }

    private static List<Candle> replace(List<Candle> candles, int index, Candle candle) {
        List<Candle> copy = new ArrayList<>(candles);
        copy.set(index, candle);
        return copy;
    }

    private static Candle with(Candle c, BigDecimal high, BigDecimal low, BigDecimal close) {
        return new Candle(c.openTime(), c.open(), high, low, close, c.volume());
    }
}
