package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.json;
import static io.cointrader.exchange.upbit.FakeUpbitServer.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpbitExchangeAdapterTest {

    private static final Symbol BTC = new Symbol("BTC", "KRW");
    private static final Symbol ETH = new Symbol("ETH", "KRW");

    private final FakeUpbitServer server = new FakeUpbitServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T14:41:00.250Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UpbitExchangeAdapter adapter(URI baseUrl) {
        UpbitOptions options = UpbitOptions.defaults(baseUrl, "1.2.3");
        return new UpbitExchangeAdapter(new UpbitHttp(options, clock, sleeper, new Random(7)));
    }

    private UpbitExchangeAdapter adapter() {
        return adapter(server.baseUrl());
    }

    @Test
    void tickerCombinesTickerAndBestLevelWithExactDecimals() {
        server.on("/v1/ticker", ok(UpbitSamples.TICKER_BTC)).on("/v1/orderbook", ok(UpbitSamples.ORDERBOOK_BTC_TOP));

        MarketData data = adapter().ticker(BTC);

        assertThat(data.symbol()).isEqualTo(BTC);
        assertThat(data.price()).isEqualByComparingTo("103493000");
        assertThat(data.price().toPlainString()).isEqualTo("103493000.0");
        assertThat(data.open()).isEqualByComparingTo("102417000");
        assertThat(data.high()).isEqualByComparingTo("104000000");
        assertThat(data.low()).isEqualByComparingTo("102100000");
        assertThat(data.volume()).isEqualByComparingTo("1474.98765432");
        assertThat(data.prevClose()).isEqualByComparingTo("102417000");
        assertThat(data.bid()).isEqualByComparingTo("103460000");
        assertThat(data.ask()).isEqualByComparingTo("103493000");
        assertThat(data.timestamp()).isEqualTo(Instant.ofEpochMilli(1773240058973L));
    }

    @Test
    void tickerSendsQuotationRequestsWithoutOriginAndWithGzip() {
        server.on("/v1/ticker", ok(UpbitSamples.TICKER_BTC)).on("/v1/orderbook", ok(UpbitSamples.ORDERBOOK_BTC_TOP));

        adapter().ticker(BTC);

        List<FakeUpbitServer.Received> sent = server.received();
        assertThat(sent).extracting(FakeUpbitServer.Received::path).containsExactly("/v1/ticker", "/v1/orderbook");
        assertThat(sent.get(0).rawQuery()).isEqualTo("markets=KRW-BTC");
        assertThat(sent.get(1).rawQuery()).isEqualTo("markets=KRW-BTC&count=1");
        for (FakeUpbitServer.Received request : sent) {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.headers().containsKey("Origin")).isFalse();
            assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
            assertThat(request.headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo("coin-trader/1.2.3");
        }
    }

    @Test
    void tickerWithoutBidAskWhenOnlyTheOrderBookFails() {
        server.on("/v1/ticker", ok(UpbitSamples.TICKER_BTC)).on("/v1/orderbook", json(500, "{}"));

        MarketData data = adapter().ticker(BTC);

        assertThat(data.price()).isEqualByComparingTo("103493000");
        assertThat(data.bid()).isNull();
        assertThat(data.ask()).isNull();
        assertThat(data.hasQuotes()).isFalse();
        assertThat(server.received("/v1/orderbook")).hasSize(3);
    }

    @Test
    void tickerFailureIsAnExchangeFailureEvenWhenTheOrderBookWorks() {
        server.on("/v1/ticker", json(503, "{}")).on("/v1/orderbook", ok(UpbitSamples.ORDERBOOK_BTC_TOP));

        assertThatThrownBy(() -> adapter().ticker(BTC)).isInstanceOf(ExchangeUnavailableException.class);
        assertThat(server.received("/v1/orderbook")).isEmpty();
    }

    @Test
    void tickerForAnUnknownMarketIsRejected() {
        server.on("/v1/ticker", json(404, "{\"error\":{\"name\":404,\"message\":\"Code not found\"}}"));

        assertThatThrownBy(() -> adapter().ticker(new Symbol("NOPE", "KRW")))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("Code not found");
        assertThat(server.received("/v1/ticker")).hasSize(1);
    }

    @Test
    void candlesAreSortedAscendingInUtcWithDuplicatesRemoved() {
        server.on("/v1/candles/minutes/1", ok(UpbitSamples.CANDLES_BTC_1M));

        List<Candle> candles = adapter().candles(BTC, 1, 4);

        assertThat(server.received().get(0).rawQuery()).isEqualTo("market=KRW-BTC&count=4");
        assertThat(candles)
                .extracting(Candle::openTime)
                .containsExactly(
                        Instant.parse("2026-03-11T14:37:00Z"),
                        Instant.parse("2026-03-11T14:39:00Z"),
                        Instant.parse("2026-03-11T14:40:00Z"));
        Candle latest = candles.get(2);
        assertThat(latest.close()).isEqualByComparingTo("103460000");
        assertThat(latest.low()).isEqualByComparingTo("103425000");
        assertThat(latest.volume()).isEqualByComparingTo("1.5933512");
        Candle oldest = candles.get(0);
        assertThat(oldest.open()).isEqualByComparingTo("103400000");
        assertThat(oldest.volume()).isEqualByComparingTo("0.00000001");
    }

    @Test
    void candlesUseTheUnitInThePath() {
        server.on("/v1/candles/minutes/240", ok("[]"));

        assertThat(adapter().candles(ETH, 240, 200)).isEmpty();
        assertThat(server.received().get(0).rawQuery()).isEqualTo("market=KRW-ETH&count=200");
    }

    @Test
    void candlesRejectUnsupportedUnitsAndCountsWithoutCallingUpbit() {
        UpbitExchangeAdapter adapter = adapter();
        for (int unit : new int[] {0, 2, 45, 120, 1440}) {
            assertThatThrownBy(() -> adapter.candles(BTC, unit, 10)).isInstanceOf(IllegalArgumentException.class);
        }
        for (int count : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> adapter.candles(BTC, 60, count)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void candlesWithHighBelowLowAreMalformed() {
        server.on(
                "/v1/candles/minutes/5",
                ok(
                        """
                [{"market":"KRW-BTC","candle_date_time_utc":"2026-03-11T14:40:00","opening_price":2,\
                "high_price":1,"low_price":3,"trade_price":2,"timestamp":1,"candle_acc_trade_volume":1}]"""));

        assertThatThrownBy(() -> adapter().candles(BTC, 5, 1))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void orderBookKeepsLevelsBestFirst() {
        server.on("/v1/orderbook", ok(UpbitSamples.ORDERBOOK_BTC));

        OrderBook book = adapter().orderBook(BTC);

        assertThat(server.received().get(0).rawQuery()).isEqualTo("markets=KRW-BTC");
        assertThat(book.symbol()).isEqualTo(BTC);
        assertThat(book.timestamp()).isEqualTo(Instant.ofEpochMilli(1773240059027L));
        assertThat(book.levels()).hasSize(2);
        assertThat(book.bestAsk()).isEqualByComparingTo("103493000");
        assertThat(book.bestBid()).isEqualByComparingTo("103460000");
        assertThat(book.levels().get(1).bidSize()).isEqualByComparingTo("1.23456789");
    }

    @Test
    void marketsSkipEntriesThatAreNotPairCodes() {
        server.on("/v1/market/all", ok(UpbitSamples.MARKETS));

        List<MarketInfo> markets = adapter().markets();

        assertThat(server.received().get(0).rawQuery()).isNull();
        assertThat(markets).extracting(MarketInfo::symbol).containsExactly(BTC, ETH, new Symbol("ETH", "BTC"));
        assertThat(markets.get(0).koreanName()).isEqualTo("비트코인");
        assertThat(markets.get(0).englishName()).isEqualTo("Bitcoin");
    }

    @Test
    void tickSizesComeFromTheInstrumentsEndpoint() {
        server.on("/v1/orderbook/instruments", ok(UpbitSamples.INSTRUMENTS));
        Symbol usdt = new Symbol("USDT", "KRW");

        Map<Symbol, BigDecimal> ticks = adapter().tickSizes(List.of(BTC, usdt));

        assertThat(server.received().get(0).rawQuery()).isEqualTo("markets=KRW-BTC%2CKRW-USDT");
        assertThat(ticks.get(BTC)).isEqualByComparingTo("1000");
        assertThat(ticks.get(usdt)).isEqualByComparingTo("0.5");
        assertThat(server.received("/v1/ticker")).isEmpty();
    }

    @Test
    void tickSizesFallBackToTheKrwTableAtTheCurrentPrice() {
        server.on("/v1/orderbook/instruments", ok(UpbitSamples.INSTRUMENTS))
                .on("/v1/ticker", ok(UpbitSamples.TICKERS_FOR_FALLBACK));
        Symbol xrp = new Symbol("XRP", "KRW");
        Symbol nonKrw = new Symbol("ETH", "BTC");

        Map<Symbol, BigDecimal> ticks = adapter().tickSizes(List.of(BTC, ETH, xrp, nonKrw));

        assertThat(ticks.get(BTC)).isEqualByComparingTo("1000");
        assertThat(ticks.get(ETH)).isEqualByComparingTo("1000");
        assertThat(ticks.get(xrp)).isEqualByComparingTo("1");
        assertThat(ticks).doesNotContainKey(nonKrw);
        assertThat(server.received("/v1/ticker").get(0).rawQuery()).isEqualTo("markets=KRW-ETH%2CKRW-XRP");
    }

    @Test
    void tickSizesFallBackWhenTheInstrumentsCallFails() {
        server.on("/v1/orderbook/instruments", json(500, "oops"))
                .on("/v1/ticker", ok(UpbitSamples.TICKERS_FOR_FALLBACK));

        Map<Symbol, BigDecimal> ticks = adapter().tickSizes(List.of(ETH));

        assertThat(ticks.get(ETH)).isEqualByComparingTo("1000");
        assertThat(server.received("/v1/orderbook/instruments")).hasSize(3);
    }

    @Test
    void baseUrlWithTrailingSlashesOrAPathPrefixGivesCleanPaths() {
        server.on("/v1/market/all", ok(UpbitSamples.MARKETS)).on("/proxy/v1/market/all", ok(UpbitSamples.MARKETS));

        adapter(URI.create(server.baseUrl() + "//")).markets();
        adapter(URI.create(server.baseUrl() + "/proxy/")).markets();

        assertThat(server.received())
                .extracting(FakeUpbitServer.Received::path)
                .containsExactly("/v1/market/all", "/proxy/v1/market/all");
    }
}
