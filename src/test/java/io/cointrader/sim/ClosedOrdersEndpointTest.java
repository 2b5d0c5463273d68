package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.BOB;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.replay.ReplayClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/orders/closed}. Alice has, created a minute apart, a filled BTC bid (00:01), a cancelled
 * BTC bid (00:02), a cancelled ETH bid (00:03) and a resting BTC bid (00:04); Bob a cancelled BTC bid.
 * Market time is then 00:12.
 */
class ClosedOrdersEndpointTest {

    private static final String CLOSED = "/v1/orders/closed";

    private final ReplayClock clock = new ReplayClock(T0);
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
        at(1);
        client.placeLimit(ALICE, "KRW-BTC", "bid", "0.005", "99500000", "filled");
        at(2);
        placeAndCancel(ALICE, "KRW-BTC", "0.001", "90000000", "cancelled");
        at(3);
        placeAndCancel(ALICE, "KRW-ETH", "0.01", "4000000", "eth-cancelled");
        at(4);
        client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "resting");
        placeAndCancel(BOB, "KRW-BTC", "0.001", "90000000", "bobs");
        at(12);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void listsTheCallersDoneAndCancelledOrdersNewestFirstWithExecutedFundsAndNoTrades() {
        JsonNode closed = json(client.signedGet(ALICE, CLOSED));

        assertThat(identifiers(closed)).containsExactly("eth-cancelled", "cancelled", "filled");
        JsonNode filled = closed.get(2);
        assertThat(filled.get("state").asText()).isEqualTo("done");
        assertThat(filled.get("executed_volume").asText()).isEqualTo("0.005");
        assertThat(filled.get("executed_funds").asText()).isEqualTo("497500");
        assertThat(filled.get("created_at").asText()).isEqualTo("2025-01-01T09:01:00+09:00");
        assertThat(filled.has("trades")).isFalse();
        assertThat(closed.get(0).get("state").asText()).isEqualTo("cancel");
        assertThat(closed.get(0).get("locked").asText()).isEqualTo("0");
    }

    @Test
    void filtersByStateMarketOrderAndLimit() {
        assertThat(identifiers(json(client.signedGet(ALICE, CLOSED, "state", "done"))))
                .containsExactly("filled");
        assertThat(identifiers(json(client.signedGet(ALICE, CLOSED, "states[]", "cancel"))))
                .containsExactly("eth-cancelled", "cancelled");
        assertThat(identifiers(json(client.signedGet(ALICE, CLOSED, "states[]", "done", "states[]", "cancel"))))
                .hasSize(3);
        assertThat(identifiers(json(client.signedGet(ALICE, CLOSED, "market", "KRW-ETH"))))
                .containsExactly("eth-cancelled");
        assertThat(identifiers(json(client.signedGet(ALICE, CLOSED, "order_by", "asc", "limit", "2"))))
                .containsExactly("filled", "cancelled");
        assertThat(identifiers(json(client.signedGet(BOB, CLOSED)))).containsExactly("bobs");
    }

    @Test
    void windowTakesMillisecondsOrIsoTimesWithBothEndsIncluded() {
        String from = Long.toString(minute(2).toEpochMilli());

        JsonNode both =
                json(client.signedGet(ALICE, CLOSED, "start_time", from, "end_time", "2025-01-01T09:03:00+09:00"));
        JsonNode startOnly = json(client.signedGet(ALICE, CLOSED, "start_time", from));
        JsonNode endOnly = json(client.signedGet(ALICE, CLOSED, "end_time", "2025-01-01T00:02:00Z"));

        assertThat(identifiers(both)).containsExactly("eth-cancelled", "cancelled");
        assertThat(identifiers(startOnly)).containsExactly("eth-cancelled", "cancelled");
        assertThat(identifiers(endOnly)).containsExactly("cancelled", "filled");
    }

    @Test
    void withoutTimesOnlyTheLastSevenDaysOfMarketTimeAreListed() {
        clock.set(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(2)));

        JsonNode lastWeek = json(client.signedGet(ALICE, CLOSED));
        JsonNode asked = json(client.signedGet(ALICE, CLOSED, "start_time", Long.toString(T0.toEpochMilli())));

        assertThat(identifiers(lastWeek)).containsExactly("eth-cancelled", "cancelled");
        assertThat(identifiers(asked)).hasSize(3);
    }

    @Test
    void refusesWindowsBeyondSevenDaysAndBadParametersAsUpbitDoes() {
        String start = Long.toString(T0.toEpochMilli());
        String sevenDays = Long.toString(T0.plus(Duration.ofDays(7)).toEpochMilli());
        String sevenDaysAndAMillisecond =
                Long.toString(T0.plus(Duration.ofDays(7)).plusMillis(1).toEpochMilli());

        assertThat(client.signedGet(ALICE, CLOSED, "start_time", start, "end_time", sevenDays)
                        .statusCode())
                .isEqualTo(200);
        assertRefused(client.signedGet(ALICE, CLOSED, "start_time", start, "end_time", sevenDaysAndAMillisecond));
        assertRefused(client.signedGet(ALICE, CLOSED, "start_time", sevenDays, "end_time", start));
        assertRefused(client.signedGet(ALICE, CLOSED, "start_time", "yesterday"));
        assertRefused(client.signedGet(ALICE, CLOSED, "state", "wait"));
        assertRefused(client.signedGet(ALICE, CLOSED, "state", "done", "states[]", "cancel"));
        assertRefused(client.signedGet(ALICE, CLOSED, "limit", "1001"));
        assertRefused(client.signedGet(ALICE, CLOSED, "order_by", "newest"));
        assertRefused(client.signedGet(ALICE, CLOSED, "market", "KRW-DOGE"));
        assertThat(client.signedGet(ALICE, CLOSED, "limit", "1000").statusCode())
                .isEqualTo(200);
    }

    @Test
    void openOrdersWithoutAMarketListEveryMarketOfTheCaller() {
        client.placeLimit(ALICE, "KRW-ETH", "bid", "0.01", "4000000", "eth-resting");

        JsonNode open = json(client.signedGet(ALICE, "/v1/orders/open"));

        assertThat(identifiers(open)).containsExactly("eth-resting", "resting");
    }

    private void placeAndCancel(
            SimFixtures.TestAccount account, String market, String volume, String price, String id) {
        assertThat(client.placeLimit(account, market, "bid", volume, price, id).statusCode())
                .isEqualTo(201);
        assertThat(client.signedDelete(account, "/v1/order", "identifier", id).statusCode())
                .isEqualTo(200);
    }

    private void at(int minuteOfDay) {
        clock.set(minute(minuteOfDay));
        simulator.match();
    }

    private static Instant minute(int minuteOfDay) {
        return T0.plus(Duration.ofMinutes(minuteOfDay));
    }

    private static List<String> identifiers(JsonNode orders) {
        List<String> out = new ArrayList<>();
        orders.forEach(o -> out.add(o.get("identifier").asText()));
        return out;
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errorName(response)).isEqualTo("validation_error");
    }
}
