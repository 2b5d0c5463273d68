package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.testing.MutableClock;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SimulatorFaults#createNextOrdersLate}: orders that exist only some wall time after their POST. */
class LateOrdersTest {

    private static final Duration LATE_BY = Duration.ofSeconds(30);

    private final ReplayClock market = new ReplayClock(T0);
    private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private UpbitSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator =
                new UpbitSimulator(SimFixtures.config(market).wallClock(wall).build()).start();
        client = new SimClient(simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void lateOrderIsNotFoundUntilTheWallClockHasMovedLateByThenExistsWithItsFundsLocked() {
        simulator.faults().createNextOrdersLate(1, LATE_BY);

        assertThatThrownBy(() -> client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "late-1"))
                .isInstanceOf(UncheckedIOException.class);
        HttpResponse<String> atOnce = lookUp("late-1");
        wall.advance(LATE_BY.minusMillis(1));
        HttpResponse<String> almost = lookUp("late-1");
        JsonNode openBefore = json(client.signedGet(ALICE, "/v1/orders/open"));
        SimBalance krwBefore = simulator.state().balance(ALICE.accessKey(), "KRW");
        wall.advance(Duration.ofMillis(1));
        HttpResponse<String> due = lookUp("late-1");

        assertThat(atOnce.statusCode()).isEqualTo(404);
        assertThat(errorName(atOnce)).isEqualTo("order_not_found");
        assertThat(almost.statusCode()).isEqualTo(404);
        assertThat(openBefore).isEmpty();
        assertThat(krwBefore.locked()).isZero();
        assertThat(due.statusCode()).isEqualTo(200);
        assertThat(json(due).get("state").asText()).isEqualTo("wait");
        // stamped with the wall clock when it was created, as a real exchange stamps orders
        assertThat(json(due).get("created_at").asText()).isEqualTo("2026-01-01T09:00:30+09:00");
        assertThat(json(client.signedGet(ALICE, "/v1/orders/open"))
                        .get(0)
                        .get("identifier")
                        .asText())
                .isEqualTo("late-1");
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").locked()).isEqualByComparingTo("90045");
        assertThat(simulator.state().requests("/v1/orders"))
                .extracting(SeenRequest::status)
                .containsExactly(0);
        assertThat(simulator.faults().applied(SimulatorFaults.Kind.LATE_CREATED_ORDER, "/v1/orders"))
                .isEqualTo(1);
    }

    @Test
    void identifierOfALateOrderIsUsedUpAtOnceAndOnlyTheArmedCountIsLate() {
        simulator.faults().createNextOrdersLate(1, LATE_BY);
        assertThatThrownBy(() -> client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "late-2"))
                .isInstanceOf(UncheckedIOException.class);

        HttpResponse<String> again = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "late-2");
        HttpResponse<String> next = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "on-time");

        assertThat(errorName(again)).isEqualTo("duplicate_identifier");
        assertThat(next.statusCode()).isEqualTo(201);
        assertThat(simulator.faults().idle()).isTrue();
    }

    @Test
    void lateOrderNeverFillsAtPricesFromBeforeItExistedButMatchesAfterwards() {
        simulator.faults().createNextOrdersLate(1, Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.placeLimit(ALICE, "KRW-BTC", "bid", "0.005", "99500000", "late-bid"))
                .isInstanceOf(UncheckedIOException.class);

        // minute 10 of the hour crosses the bid, but the order does not exist yet
        market.set(T0.plus(Duration.ofMinutes(12)));
        simulator.match();
        assertThat(simulator.state().orders(ALICE.accessKey())).isEmpty();
        wall.advance(Duration.ofSeconds(10));
        simulator.match();
        SimOrder created = simulator.state().orders(ALICE.accessKey()).get(0);
        market.set(T0.plus(Duration.ofMinutes(20)));
        simulator.match();

        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:10Z"));
        assertThat(created.executedVolume()).isZero();
        SimOrder filled = simulator.state().order(created.uuid()).orElseThrow();
        assertThat(filled.state()).isEqualTo("done");
        // the first step after its creation, still below the bid
        assertThat(filled.trades().get(0).marketTime()).isEqualTo(T0.plus(Duration.ofMinutes(13)));
    }

    @Test
    void lateOrderThatFailsValidationIsNeverCreatedAndItsAnswerIsLostAllTheSame() {
        simulator.faults().createNextOrdersLate(1, LATE_BY);

        assertThatThrownBy(() -> client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000500", "off-grid"))
                .isInstanceOf(UncheckedIOException.class);
        wall.advance(LATE_BY);

        assertThat(lookUp("off-grid").statusCode()).isEqualTo(404);
        assertThat(simulator.state().orders(ALICE.accessKey())).isEmpty();
        assertThat(errorName(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "off-grid")))
                .isEqualTo("duplicate_identifier");
    }

    @Test
    void lateOrderWhoseFundsAreNoLongerFreeWhenDueIsNotCreated() {
        simulator.faults().createNextOrdersLate(1, LATE_BY);
        assertThatThrownBy(() -> client.placeLimit(ALICE, "KRW-BTC", "bid", "0.1", "90000000", "late-big"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.1", "90000000", "on-time-big")
                        .statusCode())
                .isEqualTo(201);

        wall.advance(LATE_BY);

        assertThat(lookUp("late-big").statusCode()).isEqualTo(404);
        assertThat(simulator.state().orders(ALICE.accessKey()))
                .extracting(SimOrder::identifier)
                .containsExactly("on-time-big");
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").locked()).isEqualByComparingTo("9004500");
    }

    private HttpResponse<String> lookUp(String identifier) {
        return client.signedGet(ALICE, "/v1/order", "identifier", identifier);
    }
}
