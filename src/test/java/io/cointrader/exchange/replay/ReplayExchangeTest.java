package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.OrderRejectedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayExchangeTest {

    private static final History BUNDLED = History.bundled();
    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Symbol XRP = Symbol.parse("XRP/KRW");
    private static final Symbol SOL = Symbol.parse("SOL/KRW");
    private static final Symbol DOGE = Symbol.parse("DOGE/KRW");

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T02:59:00Z"));
    private final ReplayExchange exchange = new ReplayExchange(BUNDLED, clock);

    @Test
    void isNamedReplay() {
        assertThat(exchange.name()).isEqualTo("replay");
    }

    @Test
    void risingHourWalksOpenLowHighClose() {
        // BTC 2025-10-19T22:00Z: open 165,099,000 high 165,996,000 low 165,001,000 close 165,644,000
        assertThat(priceAt(BTC, "2025-10-19T22:00:00Z")).isEqualByComparingTo("165099000");
        assertThat(priceAt(BTC, "2025-10-19T22:20:00Z")).isEqualByComparingTo("165001000");
        assertThat(priceAt(BTC, "2025-10-19T22:40:00Z")).isEqualByComparingTo("165996000");
        // 1199/1200 of the way from 165,996,000 to 165,644,000 = 165,644,293.3 -> 165,644,000
        assertThat(priceAt(BTC, "2025-10-19T22:59:59Z")).isEqualByComparingTo("165644000");
    }

    @Test
    void fallingHourWalksOpenHighLowClose() {
        // BTC 2025-10-19T23:00Z: open 165,644,000 high 165,644,000 low 164,658,000 close 164,806,000
        assertThat(priceAt(BTC, "2025-10-19T23:00:00Z")).isEqualByComparingTo("165644000");
        assertThat(priceAt(BTC, "2025-10-19T23:20:00Z")).isEqualByComparingTo("165644000");
        assertThat(priceAt(BTC, "2025-10-19T23:30:00Z")).isEqualByComparingTo("165151000");
        assertThat(priceAt(BTC, "2025-10-19T23:40:00Z")).isEqualByComparingTo("164658000");
        assertThat(priceAt(BTC, "2025-10-19T23:59:59Z")).isEqualByComparingTo("164806000");
    }

    @Test
    void newestCandleIsFormingAndOlderOnesAreTheHistory() {
        clock.set(Instant.parse("2025-10-19T22:30:00Z"));

        List<Candle> candles = exchange.candles(BTC, 60, 3);

        CandleSeries btc = BUNDLED.series(BTC).orElseThrow();
        int at2000 = btc.indexAtOrBefore(Instant.parse("2025-10-19T20:00:00Z"));
        assertThat(candles.subList(0, 2)).containsExactly(btc.get(at2000), btc.get(at2000 + 1));
        Candle forming = candles.get(2);
        assertThat(forming.openTime()).isEqualTo(Instant.parse("2025-10-19T22:00:00Z"));
        assertThat(forming.open()).isEqualByComparingTo("165099000");
        // half way from the low 165,001,000 to the high 165,996,000 = 165,498,500 -> 165,499,000
        assertThat(forming.close()).isEqualByComparingTo("165499000");
        assertThat(forming.high()).isEqualByComparingTo("165499000");
        assertThat(forming.low()).isEqualByComparingTo("165001000");
        assertThat(forming.volume()).isEqualByComparingTo("40.48499682");
        assertThat(exchange.ticker(BTC).price()).isEqualByComparingTo(forming.close());
    }

    @Test
    void insideTheOctober25PauseTheLastCandleBeforeItHoldsThePrice() {
        CandleSeries btc = BUNDLED.series(BTC).orElseThrow();
        Candle lastBefore = btc.get(btc.indexAtOrBefore(Instant.parse("2025-10-25T17:00:00Z")));
        assertThat(lastBefore.openTime()).isEqualTo(Instant.parse("2025-10-25T17:00:00Z"));

        for (String time : List.of("2025-10-25T18:00:00Z", "2025-10-25T20:30:00Z", "2025-10-25T22:59:59Z")) {
            clock.set(Instant.parse(time));
            List<Candle> candles = exchange.candles(BTC, 60, 2);
            assertThat(candles.get(1)).isEqualTo(lastBefore);
            assertThat(candles.get(0).openTime()).isEqualTo(Instant.parse("2025-10-25T16:00:00Z"));
            MarketData ticker = exchange.ticker(BTC);
            assertThat(ticker.price()).isEqualByComparingTo("166248000");
            assertThat(ticker.timestamp()).isEqualTo(Instant.parse(time));
        }
    }

    @Test
    void atTheInstantACandleOpensItIsNotYetVisibleAndTheOneBeforeIsComplete() {
        clock.set(Instant.parse("2025-10-25T23:00:00Z"));

        List<Candle> candles = exchange.candles(BTC, 60, 2);

        Candle beforeThePause = BUNDLED.series(BTC)
                .orElseThrow()
                .get(BUNDLED.series(BTC).orElseThrow().indexAtOrBefore(Instant.parse("2025-10-25T17:00:00Z")));
        assertThat(candles).last().isEqualTo(beforeThePause);
        assertThat(exchange.ticker(BTC).price()).isEqualByComparingTo(beforeThePause.close());
    }

    @Test
    void afterThePauseTheFirstCandleStartsForming() {
        clock.set(Instant.parse("2025-10-25T23:00:00.000000001Z"));

        List<Candle> candles = exchange.candles(BTC, 60, 3);

        assertThat(candles)
                .extracting(Candle::openTime)
                .containsExactly(
                        Instant.parse("2025-10-25T16:00:00Z"),
                        Instant.parse("2025-10-25T17:00:00Z"),
                        Instant.parse("2025-10-25T23:00:00Z"));
        assertThat(candles.get(2).close()).isEqualByComparingTo("166248000");
        assertThat(candles.get(2).volume()).isEqualByComparingTo("0");
    }

    @Test
    void dayFiguresDuringThePauseCoverTheCandlesOfTheDaySoFar() {
        clock.set(Instant.parse("2025-10-25T20:30:00Z"));
        CandleSeries btc = BUNDLED.series(BTC).orElseThrow();
        int first = btc.indexAtOrAfter(Instant.parse("2025-10-25T00:00:00Z"));
        int last = btc.indexAtOrBefore(Instant.parse("2025-10-25T20:30:00Z"));
        List<Candle> day = btc.candles().subList(first, last + 1);

        MarketData ticker = exchange.ticker(BTC);

        assertThat(day).hasSize(18);
        assertThat(ticker.open()).isEqualByComparingTo(day.get(0).open());
        assertThat(ticker.high())
                .isEqualByComparingTo(
                        day.stream().map(Candle::high).reduce(BigDecimal::max).orElseThrow());
        assertThat(ticker.low())
                .isEqualByComparingTo(
                        day.stream().map(Candle::low).reduce(BigDecimal::min).orElseThrow());
        assertThat(ticker.volume())
                .isEqualByComparingTo(
                        day.stream().map(Candle::volume).reduce(BigDecimal::add).orElseThrow());
        assertThat(ticker.prevClose()).isEqualByComparingTo(btc.get(first - 1).close());
    }

    @Test
    void previousCloseSwitchesAtMidnightUtc() {
        clock.set(Instant.parse("2025-10-19T23:59:00Z"));
        // close of 2025-10-18T23:00Z
        assertThat(exchange.ticker(BTC).prevClose()).isEqualByComparingTo("163631000");

        clock.set(Instant.parse("2025-10-20T00:00:00Z"));
        MarketData atMidnight = exchange.ticker(BTC);
        // close of 2025-10-19T23:00Z; the first hour of the day has just opened
        assertThat(atMidnight.prevClose()).isEqualByComparingTo("164806000");
        assertThat(atMidnight.open()).isEqualByComparingTo("164806000");
        assertThat(atMidnight.high()).isEqualByComparingTo("164806000");
        assertThat(atMidnight.low()).isEqualByComparingTo("164806000");
        assertThat(atMidnight.volume()).isEqualByComparingTo("0");

        clock.set(Instant.parse("2025-10-20T01:30:00Z"));
        MarketData later = exchange.ticker(BTC);
        assertThat(later.prevClose()).isEqualByComparingTo("164806000");
        assertThat(later.open()).isEqualByComparingTo("164806000");
        assertThat(later.high()).isEqualByComparingTo("164882000");
        assertThat(later.low()).isEqualByComparingTo("163398000");
        // 121.11312747 + half of 47.6829855
        assertThat(later.volume()).isEqualByComparingTo("144.95462022");
    }

    @Test
    void previousCloseIsNullOnTheFirstDayOfHistory() {
        clock.set(Instant.parse("2025-10-19T05:00:00Z"));

        assertThat(exchange.ticker(ETH).prevClose()).isNull();
    }

    @Test
    void quotesAreOneTickAroundThePrice() {
        clock.set(Instant.parse("2025-10-19T22:30:00Z"));
        MarketData btc = exchange.ticker(BTC);
        assertThat(btc.bid()).isEqualByComparingTo(btc.price().subtract(new BigDecimal("1000")));
        assertThat(btc.ask()).isEqualByComparingTo(btc.price().add(new BigDecimal("1000")));
        assertThat(btc.hasQuotes()).isTrue();

        MarketData xrp = exchange.ticker(XRP);
        assertThat(xrp.bid()).isEqualByComparingTo(xrp.price().subtract(BigDecimal.ONE));
        assertThat(xrp.ask()).isEqualByComparingTo(xrp.price().add(BigDecimal.ONE));

        OrderBook book = exchange.orderBook(BTC);
        assertThat(book.levels()).hasSize(1);
        assertThat(book.bestBid()).isEqualByComparingTo(btc.bid());
        assertThat(book.bestAsk()).isEqualByComparingTo(btc.ask());
        assertThat(book.levels().get(0).bidSize()).isEqualByComparingTo(ReplayExchange.SYNTHETIC_DEPTH);
        assertThat(book.levels().get(0).askSize()).isEqualByComparingTo(ReplayExchange.SYNTHETIC_DEPTH);
        assertThat(book.timestamp()).isEqualTo(clock.instant());
    }

    @Test
    void bidBelowATickBoundaryUsesTheFinerTick() {
        BigDecimal million = new BigDecimal("1000000");
        Candle flat =
                new Candle(Instant.parse("2025-10-20T00:00:00Z"), million, million, million, million, BigDecimal.ONE);
        ReplayExchange replay = new ReplayExchange(History.of(Map.of(BTC, List.of(flat))), clock);
        clock.set(Instant.parse("2025-10-20T00:30:00Z"));

        MarketData ticker = replay.ticker(BTC);

        assertThat(ticker.bid()).isEqualByComparingTo("999500");
        assertThat(ticker.ask()).isEqualByComparingTo("1001000");
    }

    @Test
    void unknownSymbolIsRejected() {
        String message = "no replay history for DOGE/KRW";
        assertThatThrownBy(() -> exchange.ticker(DOGE))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> exchange.candles(DOGE, 60, 10))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> exchange.orderBook(DOGE))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> exchange.dataStart(List.of(BTC, DOGE)))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage(message);
    }

    @Test
    void beforeTheFirstCandleThereAreNoCandlesAndNoPrice() {
        clock.set(Instant.parse("2025-10-19T01:30:00Z"));

        assertThat(exchange.candles(ETH, 60, 200)).isEmpty();
        assertThatThrownBy(() -> exchange.ticker(ETH))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("no price yet for ETH/KRW");
        assertThatThrownBy(() -> exchange.orderBook(ETH)).isInstanceOf(ExchangeUnavailableException.class);
        // SOL's history starts an hour earlier: its first candle is half formed
        assertThat(exchange.candles(SOL, 60, 200)).singleElement().satisfies(c -> {
            assertThat(c.openTime()).isEqualTo(Instant.parse("2025-10-19T01:00:00Z"));
            assertThat(c.volume()).isLessThan(new BigDecimal("9904.10400526"));
        });
    }

    @Test
    void afterTheLastCandleThePriceIsUnavailableButTheCandlesRemain() {
        clock.set(Instant.parse("2025-12-01T00:00:00Z"));
        Candle last = BUNDLED.series(XRP).orElseThrow().last();
        assertThat(exchange.ticker(XRP).price()).isEqualByComparingTo(last.close());
        clock.set(Instant.parse("2025-12-01T00:00:01Z"));

        List<Candle> candles = exchange.candles(XRP, 60, 200);

        assertThat(candles).hasSize(200);
        assertThat(candles.get(199)).isEqualTo(last);
        assertThatThrownBy(() -> exchange.ticker(XRP))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("ended at 2025-12-01T00:00:00Z");
    }

    @Test
    void servesAtMostTheRequestedCandlesAscending() {
        List<Candle> candles = exchange.candles(BTC, 60, 200);

        assertThat(candles).hasSize(200);
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isAfter(candles.get(i - 1).openTime());
        }
        assertThat(candles.get(199).openTime()).isEqualTo(Instant.parse("2025-10-21T02:00:00Z"));
        assertThat(exchange.candles(ETH, 60, 200)).hasSize(49);
        assertThat(exchange.candles(ETH, 60, 1))
                .singleElement()
                .extracting(Candle::openTime)
                .isEqualTo(Instant.parse("2025-10-21T02:00:00Z"));
    }

    @Test
    void refusesOtherIntervalsAndCounts() {
        assertThatThrownBy(() -> exchange.candles(BTC, 15, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60-minute candles only");
        assertThatThrownBy(() -> exchange.candles(BTC, 60, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..200");
        assertThatThrownBy(() -> exchange.candles(BTC, 60, 201)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsTheMarketsOfTheHistory() {
        assertThat(exchange.symbols()).containsExactlyInAnyOrder(BTC, ETH, XRP, SOL);
        assertThat(exchange.markets()).extracting(MarketInfo::symbol).containsExactlyInAnyOrder(BTC, ETH, XRP, SOL);
        assertThat(exchange.markets())
                .filteredOn(m -> m.symbol().equals(BTC))
                .singleElement()
                .satisfies(m -> assertThat(m.englishName()).isEqualTo("Bitcoin"));
    }

    @Test
    void defaultStartLeavesTwoDaysOfWarmUpAndTicksAMinuteBeforeTheClose() {
        Instant start = exchange.defaultStart(Set.of(BTC, ETH, XRP, SOL));

        assertThat(start).isEqualTo(Instant.parse("2025-10-21T02:59:00Z"));
        assertThat(exchange.defaultStart(Set.of(BTC))).isEqualTo(Instant.parse("2025-08-30T11:59:00Z"));
        clock.set(start);
        for (Symbol symbol : exchange.symbols()) {
            assertThat(exchange.candles(symbol, 60, 200)).hasSizeGreaterThanOrEqualTo(36);
            assertThat(exchange.ticker(symbol).prevClose()).isNotNull();
        }
    }

    @Test
    void defaultStartNeedsHistoryLongEnoughForTheWarmUp() {
        BigDecimal one = BigDecimal.ONE;
        Candle only = new Candle(Instant.parse("2025-10-20T00:00:00Z"), one, one, one, one, one);
        ReplayExchange shortReplay = new ReplayExchange(History.of(Map.of(BTC, List.of(only))), clock);

        assertThatThrownBy(() -> shortReplay.defaultStart(List.of(BTC)))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("before the default start");
        assertThatThrownBy(() -> shortReplay.dataStart(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private BigDecimal priceAt(Symbol symbol, String time) {
        clock.set(Instant.parse(time));
        return exchange.ticker(symbol).price();
    }
}
