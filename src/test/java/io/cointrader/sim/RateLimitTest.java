package io.cointrader.sim;

import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final ReplayClock market = new ReplayClock(T0.plus(Duration.ofMinutes(10)));
    private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00.100Z"));
    private UpbitSimulator simulator;
    private SimClient client;

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void remainingReqCountsDownPerGroupInTheCurrentSecond() {
        start(RateLimits.upbit());

        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tickers.add(remaining(client.get("/v1/ticker?markets=KRW-BTC")));
        }

        assertThat(tickers)
                .containsExactly(
                        "group=ticker; min=600; sec=9", "group=ticker; min=600; sec=8", "group=ticker; min=600; sec=7");
        assertThat(remaining(client.get("/v1/market/all"))).isEqualTo("group=market; min=600; sec=9");
        assertThat(remaining(client.get("/v1/candles/minutes/60?market=KRW-BTC")))
                .isEqualTo("group=candles; min=600; sec=9");
        assertThat(remaining(client.get("/v1/orderbook/instruments?markets=KRW-BTC")))
                .isEqualTo("group=orderbook; min=600; sec=9");
        assertThat(remaining(client.signedGet(ALICE, "/v1/accounts"))).isEqualTo("group=default; min=1800; sec=29");
        assertThat(remaining(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "rr")))
                .isEqualTo("group=order; min=480; sec=11");
    }

    @Test
    void pastTheBudgetAnswers429InPlainTextUntilTheNextSecond() {
        start(RateLimits.upbit());
        for (int i = 0; i < 10; i++) {
            assertThat(client.get("/v1/ticker?markets=KRW-BTC").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = client.get("/v1/ticker?markets=KRW-BTC");
        HttpResponse<String> otherGroup = client.get("/v1/orderbook?markets=KRW-BTC");
        wall.advance(Duration.ofSeconds(1));
        HttpResponse<String> nextSecond = client.get("/v1/ticker?markets=KRW-BTC");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("Too many API requests.");
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(remaining(limited)).isEqualTo("group=ticker; min=600; sec=0");
        assertThat(otherGroup.statusCode()).isEqualTo(200);
        assertThat(nextSecond.statusCode()).isEqualTo(200);
        assertThat(remaining(nextSecond)).isEqualTo("group=ticker; min=600; sec=9");
    }

    @Test
    void exchangeBudgetsArePerAccessKey() {
        start(RateLimits.unlimited().withBudget(SimRateGroup.DEFAULT, 2));

        int first = client.signedGet(ALICE, "/v1/accounts").statusCode();
        int second = client.signedGet(ALICE, "/v1/accounts").statusCode();
        int third = client.signedGet(ALICE, "/v1/accounts").statusCode();
        int bobs = client.signedGet(BOB, "/v1/accounts").statusCode();

        assertThat(List.of(first, second, third, bobs)).containsExactly(200, 200, 429, 200);
    }

    @Test
    void repeated429sWithinTheWindowBlockWith418AndRetryAfter() {
        start(RateLimits.unlimited()
                .withBudget(SimRateGroup.TICKER, 1)
                .withBlock(3, Duration.ofSeconds(10), Duration.ofSeconds(30)));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.get("/v1/ticker?markets=KRW-BTC").statusCode());
        }
        HttpResponse<String> blocked = client.get("/v1/market/all");
        wall.advance(Duration.ofSeconds(29));
        int stillBlocked = client.get("/v1/ticker?markets=KRW-BTC").statusCode();
        wall.advance(Duration.ofSeconds(2));
        int released = client.get("/v1/ticker?markets=KRW-BTC").statusCode();

        assertThat(statuses).containsExactly(200, 429, 429, 429);
        assertThat(blocked.statusCode()).isEqualTo(418);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(blocked.body()).contains("30 seconds");
        assertThat(stillBlocked).isEqualTo(418);
        assertThat(released).isEqualTo(200);
    }

    @Test
    void aBlockEarnedWithMarketDataCallsLeavesTheExchangeApiAlone() {
        start(RateLimits.unlimited()
                .withBudget(SimRateGroup.TICKER, 1)
                .withBlock(2, Duration.ofSeconds(10), Duration.ofSeconds(30)));

        for (int i = 0; i < 3; i++) {
            client.get("/v1/ticker?markets=KRW-BTC");
        }
        int marketData = client.get("/v1/market/all").statusCode();
        int accounts = client.signedGet(ALICE, "/v1/accounts").statusCode();
        int order = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "scope-1")
                .statusCode();

        assertThat(marketData).isEqualTo(418);
        assertThat(accounts).isEqualTo(200);
        assertThat(order).isEqualTo(201);
    }

    @Test
    void aBlockEarnedWithExchangeCallsStopsOnlyThatKeysExchangeCalls() {
        start(RateLimits.unlimited()
                .withBudget(SimRateGroup.DEFAULT, 1)
                .withBlock(2, Duration.ofSeconds(10), Duration.ofSeconds(30)));

        for (int i = 0; i < 3; i++) {
            client.signedGet(ALICE, "/v1/accounts");
        }
        wall.advance(Duration.ofSeconds(1));
        HttpResponse<String> alicesAccounts = client.signedGet(ALICE, "/v1/accounts");
        int alicesOrder = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "scope-2")
                .statusCode();
        int bobsAccounts = client.signedGet(BOB, "/v1/accounts").statusCode();
        int ticker = client.get("/v1/ticker?markets=KRW-BTC").statusCode();

        assertThat(alicesAccounts.statusCode()).isEqualTo(418);
        assertThat(alicesAccounts.headers().firstValue("Retry-After")).hasValue("29");
        assertThat(alicesOrder).isEqualTo(418);
        assertThat(bobsAccounts).isEqualTo(200);
        assertThat(ticker).isEqualTo(200);
    }

    @Test
    void without418RuleRepeatedViolationsStay429() {
        start(RateLimits.upbit().withBudget(SimRateGroup.TICKER, 1));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(client.get("/v1/ticker?markets=KRW-BTC").statusCode());
        }

        assertThat(statuses.subList(1, 15)).containsOnly(429);
    }

    private void start(RateLimits limits) {
        simulator = new UpbitSimulator(SimFixtures.config(market)
                        .wallClock(wall)
                        .rateLimits(limits)
                        .build())
                .start();
        client = new SimClient(simulator.baseUrl());
    }

    private static String remaining(HttpResponse<String> response) {
        return response.headers().firstValue("Remaining-Req").orElse("(none)");
    }
}
