package io.cointrader.sim;

import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.replay.ReplayExchange;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotationEndpointsTest {

    private final ReplayClock clock = new ReplayClock(T0.plus(Duration.ofMinutes(10)));
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void marketsListEveryReplayedMarket() {
        JsonNode markets = json(client.get("/v1/market/all"));
        JsonNode detailed = json(client.get("/v1/market/all?is_details=true"));

        assertThat(markets).extracting(m -> m.get("market").asText()).containsExactly("KRW-BTC", "KRW-ETH");
        assertThat(markets.get(0).get("korean_name").asText()).isEqualTo("비트코인");
        assertThat(markets.get(0).get("english_name").asText()).isEqualTo("Bitcoin");
        assertThat(markets.get(0).has("market_event")).isFalse();
        assertThat(detailed.get(0).at("/market_event/warning").asBoolean(true)).isFalse();
    }

    @Test
    void tickerQuotesThePathPriceAsJsonNumbersForEveryMarketAsked() {
        JsonNode tickers = json(client.get("/v1/ticker?markets=KRW-BTC,KRW-ETH"));

        JsonNode btc = tickers.get(0);
        assertThat(btc.get("market").asText()).isEqualTo("KRW-BTC");
        assertThat(btc.get("trade_price").isNumber()).isTrue();
        assertThat(btc.get("trade_price").decimalValue()).isEqualByComparingTo("99500000");
        assertThat(btc.get("opening_price").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(btc.get("change").asText()).isEqualTo("FALL");
        assertThat(btc.get("signed_change_price").decimalValue()).isEqualByComparingTo("-500000");
        assertThat(btc.get("signed_change_rate").decimalValue()).isEqualByComparingTo("-0.005");
        assertThat(btc.get("timestamp").asLong()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(btc.get("trade_date").asText()).isEqualTo("20250101");
        assertThat(btc.get("trade_time_kst").asText()).isEqualTo("091000");
        assertThat(tickers.get(1).get("trade_price").decimalValue()).isEqualByComparingTo("5000000");
    }

    @Test
    void tickerOfTheSecondDayComparesWithThePreviousClose() {
        clock.set(T0.plus(Duration.ofHours(24).plusMinutes(10)));

        JsonNode btc = json(client.get("/v1/ticker?markets=KRW-BTC")).get(0);

        assertThat(btc.get("prev_closing_price").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(btc.get("acc_trade_volume_24h").decimalValue()).isGreaterThan(new BigDecimal("23"));
    }

    @Test
    void unknownMarketIsCodeNotFoundWithANumericName() {
        HttpResponse<String> response = client.get("/v1/ticker?markets=KRW-BTC,KRW-DOGE");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode name = json(response).at("/error/name");
        assertThat(name.isNumber()).isTrue();
        assertThat(name.asInt()).isEqualTo(404);
    }

    @Test
    void candlesComeNewestFirstWithTheFormingCandleOnTop() {
        clock.set(T0.plus(Duration.ofHours(3).plusMinutes(30)));

        JsonNode candles = json(client.get("/v1/candles/minutes/60?market=KRW-BTC&count=3"));

        assertThat(candles)
                .extracting(c -> c.get("candle_date_time_utc").asText())
                .containsExactly("2025-01-01T03:00:00", "2025-01-01T02:00:00", "2025-01-01T01:00:00");
        JsonNode forming = candles.get(0);
        assertThat(forming.get("candle_date_time_kst").asText()).isEqualTo("2025-01-01T12:00:00");
        // half an hour in, the path is half way from the low 99,000,000 to the high 101,000,000
        assertThat(forming.get("trade_price").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(forming.get("high_price").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(forming.get("candle_acc_trade_volume").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(forming.get("unit").asInt()).isEqualTo(60);
        assertThat(candles.get(1).get("high_price").decimalValue()).isEqualByComparingTo("101000000");
        assertThat(candles.get(1).get("trade_price").isNumber()).isTrue();
    }

    @Test
    void atAnHourBoundaryTheNewestCandleIsTheOneThatJustClosedCompleteAndShownOnce() {
        Instant boundary = T0.plus(Duration.ofHours(3));
        clock.set(boundary);

        JsonNode candles = json(client.get("/v1/candles/minutes/60?market=KRW-BTC&count=3"));
        JsonNode ticker = json(client.get("/v1/ticker?markets=KRW-BTC")).get(0);

        assertThat(candles)
                .extracting(c -> c.get("candle_date_time_utc").asText())
                .containsExactly("2025-01-01T02:00:00", "2025-01-01T01:00:00", "2025-01-01T00:00:00");
        JsonNode newest = candles.get(0);
        assertThat(newest.get("high_price").decimalValue()).isEqualByComparingTo("101000000");
        assertThat(newest.get("low_price").decimalValue()).isEqualByComparingTo("99000000");
        assertThat(newest.get("candle_acc_trade_volume").decimalValue()).isEqualByComparingTo("1");
        assertThat(newest.get("timestamp").asLong())
                .isEqualTo(boundary.minusMillis(1).toEpochMilli());
        assertThat(ticker.get("trade_price").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(ticker.get("trade_volume").decimalValue()).isZero();
    }

    @Test
    void atAnHourBoundaryQuotesTheCloseOfTheCandleThatJustEndedAsTheReplayDoes() {
        History bundled = History.bundled();
        Symbol btc = Symbol.parse("BTC/KRW");
        CandleSeries series = bundled.series(btc).orElseThrow();
        Instant boundary = Instant.parse("2025-10-19T23:00:00Z");
        Candle ended = series.get(series.indexBefore(boundary));
        ReplayClock realClock = new ReplayClock(boundary);
        SimulatorConfig config =
                SimulatorConfig.builder(bundled, SimClock.fixed(realClock)).build();
        try (UpbitSimulator real = new UpbitSimulator(config).start()) {
            SimClient realClient = new SimClient(real.baseUrl());
            JsonNode ticker = json(realClient.get("/v1/ticker?markets=KRW-BTC")).get(0);
            JsonNode candles = json(realClient.get("/v1/candles/minutes/60?market=KRW-BTC&count=2"));

            ReplayExchange replay = new ReplayExchange(bundled, realClock);
            assertThat(ended.openTime()).isEqualTo(Instant.parse("2025-10-19T22:00:00Z"));
            assertThat(ticker.get("trade_price").decimalValue()).isEqualByComparingTo(ended.close());
            assertThat(replay.ticker(btc).price()).isEqualByComparingTo(ended.close());
            assertThat(candles)
                    .extracting(c -> c.get("candle_date_time_utc").asText())
                    .containsExactly("2025-10-19T22:00:00", "2025-10-19T21:00:00");
            assertThat(candles.get(0).get("trade_price").decimalValue()).isEqualByComparingTo(ended.close());
            assertThat(candles.get(0).get("high_price").decimalValue()).isEqualByComparingTo(ended.high());
        }
    }

    @Test
    void candlesEndStrictlyBeforeTo() {
        clock.set(T0.plus(Duration.ofHours(5)));

        JsonNode utc = json(client.get("/v1/candles/minutes/60?market=KRW-BTC&count=5&to=2025-01-01T02:00:00Z"));
        JsonNode kst = json(client.get("/v1/candles/minutes/60?market=KRW-BTC&count=1&to=2025-01-01T11:00:00%2B09:00"));

        assertThat(utc)
                .extracting(c -> c.get("candle_date_time_utc").asText())
                .containsExactly("2025-01-01T01:00:00", "2025-01-01T00:00:00");
        assertThat(kst.get(0).get("candle_date_time_utc").asText()).isEqualTo("2025-01-01T01:00:00");
    }

    @Test
    void onlySixtyMinuteCandlesAreServed() {
        HttpResponse<String> response = client.get("/v1/candles/minutes/1?market=KRW-BTC");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimClient.errorName(response)).isEqualTo("validation_error");
    }

    @Test
    void orderBookIsOneSyntheticLevelOneTickAroundThePrice() {
        JsonNode book = json(client.get("/v1/orderbook?markets=KRW-BTC")).get(0);

        assertThat(book.get("market").asText()).isEqualTo("KRW-BTC");
        JsonNode level = book.get("orderbook_units").get(0);
        assertThat(level.get("ask_price").decimalValue()).isEqualByComparingTo("99501000");
        assertThat(level.get("bid_price").decimalValue()).isEqualByComparingTo("99499000");
        assertThat(level.get("ask_size").isNumber()).isTrue();
        assertThat(book.get("total_bid_size").decimalValue()).isEqualByComparingTo(ReplayExchange.SYNTHETIC_DEPTH);
    }

    @Test
    void instrumentsGiveTheTickSizeAsAString() {
        JsonNode instrument =
                json(client.get("/v1/orderbook/instruments?markets=KRW-BTC")).get(0);

        assertThat(instrument.get("market").asText()).isEqualTo("KRW-BTC");
        assertThat(instrument.get("quote_currency").asText()).isEqualTo("KRW");
        assertThat(instrument.get("tick_size").isTextual()).isTrue();
        assertThat(instrument.get("tick_size").asText()).isEqualTo("1000");
    }

    @Test
    void pastTheEndOfTheHistoryThereIsNoPrice() {
        clock.set(T0.plus(Duration.ofHours(49)));

        HttpResponse<String> response = client.get("/v1/ticker?markets=KRW-BTC");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(SimClient.errorName(response)).isEqualTo("market_data_unavailable");
    }

    @Test
    void quotesTheSamePricesAsTheReplayExchangeOnRealHistory() {
        History bundled = History.bundled();
        Symbol btc = Symbol.parse("BTC/KRW");
        ReplayClock realClock = new ReplayClock(Instant.parse("2025-10-19T22:30:00Z"));
        SimulatorConfig config =
                SimulatorConfig.builder(bundled, SimClock.fixed(realClock)).build();
        try (UpbitSimulator real = new UpbitSimulator(config).start()) {
            JsonNode ticker = json(new SimClient(real.baseUrl()).get("/v1/ticker?markets=KRW-BTC"))
                    .get(0);

            BigDecimal replayed =
                    new ReplayExchange(bundled, realClock).ticker(btc).price();
            assertThat(ticker.get("trade_price").decimalValue()).isEqualByComparingTo(replayed);
            assertThat(replayed).isEqualByComparingTo("165499000");
        }
    }
}
