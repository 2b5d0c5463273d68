package io.cointrader.sim;

import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Candle;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matching on the BTC path of {@link SimFixtures}: 99,550,000 at minute 9, 99,500,000 at minute 10,
 * 99,450,000 at minute 11; each step can fill 0.01 BTC (1 % of the hour's volume of 1 BTC).
 */
class MatchingTest {

    private final ReplayClock clock = new ReplayClock(T0);
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
    void bigBidFillsInPiecesOneStepAtATimeOncePriceReachesItsLimit() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.025", "99500000", "big"));

        at("00:09");
        SimOrder before = order(uuid);
        at("00:10");
        SimOrder first = order(uuid);
        at("00:11");
        SimOrder second = order(uuid);
        at("00:12");
        SimOrder done = order(uuid);

        assertThat(before.executedVolume()).isZero();
        assertThat(first.executedVolume()).isEqualByComparingTo("0.01");
        assertThat(first.state()).isEqualTo("wait");
        assertThat(second.executedVolume()).isEqualByComparingTo("0.02");
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.trades())
                .extracting(SimTrade::volume)
                .map(v -> v.stripTrailingZeros().toPlainString())
                .containsExactly("0.01", "0.01", "0.005");
        assertThat(done.trades()).allSatisfy(t -> assertThat(t.price()).isEqualByComparingTo("99500000"));
        assertThat(done.paidFee()).isEqualByComparingTo("1243.75");
        assertThat(done.locked()).isZero();
    }

    @Test
    void filledBidShowsTradesAndFeesOverHttpAndInBalances() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.025", "99500000", "big"));
        at("00:12");

        JsonNode order = json(client.signedGet(ALICE, "/v1/order", "uuid", uuid));

        assertThat(order.get("state").asText()).isEqualTo("done");
        assertThat(order.get("executed_volume").asText()).isEqualTo("0.025");
        assertThat(order.get("paid_fee").asText()).isEqualTo("1243.75");
        assertThat(order.get("remaining_fee").asText()).isEqualTo("0");
        assertThat(order.get("trades_count").asInt()).isEqualTo(3);
        JsonNode trade = order.get("trades").get(0);
        assertThat(trade.get("funds").asText()).isEqualTo("995000");
        assertThat(trade.get("volume").asText()).isEqualTo("0.01");
        assertThat(trade.get("side").asText()).isEqualTo("bid");
        assertThat(trade.get("trend").asText()).isEqualTo("down");
        // stamped when the simulator made it: the request that ran matching up to 09:12
        assertThat(trade.get("created_at").asText()).isEqualTo("2025-01-01T09:12:00+09:00");
        assertThat(order(uuid).trades().get(0).marketTime()).isEqualTo(Instant.parse("2025-01-01T00:10:00Z"));
        // 0.025 x 99,500,000 = 2,487,500 plus 0.05 % = 2,488,743.75
        SimBalance krw = simulator.state().balance(ALICE.accessKey(), "KRW");
        assertThat(krw.balance()).isEqualByComparingTo("7511256.25");
        assertThat(krw.locked()).isZero();
        SimBalance btc = simulator.state().balance(ALICE.accessKey(), "BTC");
        assertThat(btc.balance()).isEqualByComparingTo("0.025");
        assertThat(btc.avgBuyPrice()).isEqualByComparingTo("99500000");
    }

    @Test
    void askFillsOnlyOncePriceRisesToItsLimitAndPaysTheFeeFromProceeds() {
        placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.01", "100000000", "buy"));
        at("00:01");
        assertThat(simulator.state().balance(ALICE.accessKey(), "BTC").balance())
                .isEqualByComparingTo("0.01");
        String ask = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "ask", "0.01", "100500000", "sell"));
        SimBalance lockedCoins = simulator.state().balance(ALICE.accessKey(), "BTC");

        at("00:34");
        SimOrder notYet = order(ask);
        at("00:35");
        SimOrder sold = order(ask);

        assertThat(lockedCoins.balance()).isZero();
        assertThat(lockedCoins.locked()).isEqualByComparingTo("0.01");
        assertThat(notYet.executedVolume()).isZero();
        assertThat(sold.state()).isEqualTo("done");
        assertThat(sold.trades().get(0).priceRose()).isTrue();
        // bought for 1,000,000 + 500 fee, sold for 1,005,000 - 502.5 fee
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").total()).isEqualByComparingTo("10003997.5");
        assertThat(simulator.state().balance(ALICE.accessKey(), "BTC").total()).isZero();
        assertThat(simulator.state().balance(ALICE.accessKey(), "BTC").avgBuyPrice())
                .isZero();
    }

    @Test
    void acceptedCancelStopsFurtherFillsAndKeepsThePartialFill() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.025", "99500000", "partly"));
        at("00:10");

        JsonNode accepted = json(client.signedDelete(ALICE, "/v1/order", "uuid", uuid));
        at("00:11");
        SimOrder cancelled = order(uuid);

        assertThat(accepted.get("state").asText()).isEqualTo("wait");
        assertThat(accepted.get("executed_volume").asText()).isEqualTo("0.01");
        assertThat(cancelled.state()).isEqualTo("cancel");
        assertThat(cancelled.executedVolume()).isEqualByComparingTo("0.01");
        SimBalance krw = simulator.state().balance(ALICE.accessKey(), "KRW");
        assertThat(krw.locked()).isZero();
        assertThat(krw.balance()).isEqualByComparingTo("9004502.5");
    }

    @Test
    void cancelAcceptedBeforeAStepThatWouldFillItEndsCancelNeverDone() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.005", "99500000", "race"));
        at("00:09");

        HttpResponse<String> accepted = client.signedDelete(ALICE, "/v1/order", "uuid", uuid);
        at("00:12");
        JsonNode after = json(client.signedGet(ALICE, "/v1/order", "uuid", uuid));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(after.get("state").asText()).isEqualTo("cancel");
        assertThat(after.get("executed_volume").asText()).isEqualTo("0");
        assertThat(after.get("trades")).isEmpty();
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").balance())
                .isEqualByComparingTo(SimFixtures.INITIAL_KRW);
    }

    @Test
    void cancellingAnOrderThatIsAlreadyDoneIsOrderNotFoundAndChangesNothing() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.005", "99500000", "done-first"));
        at("00:10");

        HttpResponse<String> late = client.signedDelete(ALICE, "/v1/order", "identifier", "done-first");

        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(SimClient.errorName(late)).isEqualTo("order_not_found");
        assertThat(order(uuid).state()).isEqualTo("done");
        assertThat(order(uuid).cancelRequested()).isFalse();
    }

    @Test
    void nothingFillsInsideAGapOfTheHistory() {
        clock.set(T0.plus(Duration.ofHours(10)));
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-ETH", "bid", "0.01", "5000000", "in-gap"));

        at("11:59");
        SimOrder inGap = order(uuid);
        at("12:01");
        SimOrder after = order(uuid);

        assertThat(inGap.executedVolume()).isZero();
        assertThat(after.state()).isEqualTo("done");
        // the candle opening at 12:00 is visible, and trades, from the first step after 12:00
        assertThat(after.trades().get(0).marketTime()).isEqualTo(Instant.parse("2025-01-01T12:01:00Z"));
    }

    @Test
    void atAnHourBoundaryOrdersMeetTheCloseOfTheEndedCandleNotTheOpenOfTheNextOne() {
        simulator.stop();
        // 00:00 flat at 100,000,000, then a gap down: 01:00 flat at 90,000,000
        Candle before = flat(T0, "100000000");
        Candle after = flat(T0.plus(Duration.ofHours(1)), "90000000");
        History gapDown = History.of(Map.of(SimFixtures.BTC, List.of(before, after)));
        clock.set(T0.plus(Duration.ofMinutes(30)));
        simulator = new UpbitSimulator(SimulatorConfig.builder(gapDown, SimClock.fixed(clock))
                        .account(ALICE.accessKey(), SimAccount.of(ALICE.secret(), SimFixtures.INITIAL_KRW))
                        .rateLimits(RateLimits.unlimited())
                        .build())
                .start();
        client = new SimClient(simulator.baseUrl());
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "95000000", "gap-down"));

        at("01:00");
        SimOrder atBoundary = order(uuid);
        String quotedAtBoundary = json(client.get("/v1/ticker?markets=KRW-BTC"))
                .get(0)
                .get("trade_price")
                .asText();
        at("01:01");
        SimOrder afterBoundary = order(uuid);

        assertThat(new BigDecimal(quotedAtBoundary)).isEqualByComparingTo("100000000");
        assertThat(atBoundary.executedVolume()).isZero();
        assertThat(afterBoundary.state()).isEqualTo("done");
        assertThat(afterBoundary.trades().get(0).marketTime()).isEqualTo(Instant.parse("2025-01-01T01:01:00Z"));
        assertThat(afterBoundary.trades().get(0).price()).isEqualByComparingTo("95000000");
    }

    @Test
    void eachStepFillsBestPriceFirstThenOldestFirst() {
        clock.set(T0.plus(Duration.ofMinutes(10)));
        String alice = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.006", "99500000", "a"));
        String bob = placedUuid(client.placeLimit(BOB, "KRW-BTC", "bid", "0.006", "99600000", "b"));
        String aliceLater = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.006", "99600000", "c"));

        at("00:11");

        assertThat(order(bob).executedVolume()).isEqualByComparingTo("0.006");
        assertThat(order(aliceLater).executedVolume()).isEqualByComparingTo("0.004");
        assertThat(order(alice).executedVolume()).isZero();
    }

    @Test
    void fillsDependOnMarketTimeNotOnHowOftenClientsCall() {
        String uuid = placedUuid(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.025", "99500000", "steady"));
        at("00:10");

        for (int i = 0; i < 5; i++) {
            client.signedGet(ALICE, "/v1/order", "uuid", uuid);
            simulator.match();
        }

        assertThat(order(uuid).executedVolume()).isEqualByComparingTo("0.01");
    }

    private static Candle flat(Instant open, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Candle(open, p, p, p, p, BigDecimal.ONE);
    }

    /** Moves the market clock to {@code HH:mm} of the first day and runs matching. */
    private void at(String hoursAndMinutes) {
        clock.set(Instant.parse("2025-01-01T" + hoursAndMinutes + ":00Z"));
        simulator.match();
    }

    private SimOrder order(String uuid) {
        return simulator.state().order(uuid).orElseThrow();
    }

    private static String placedUuid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("uuid").asText();
    }
}
