package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.exchange.replay.ReplayClock;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults armed for one method of a path: {@code DELETE /v1/order} apart from {@code GET /v1/order}. */
class MethodFaultsTest {

    private static final String ORDER = "/v1/order";

    private final ReplayClock clock = new ReplayClock(T0);
    private UpbitSimulator simulator;
    private SimClient client;
    private String uuid;

    @BeforeEach
    void start() {
        simulator = new UpbitSimulator(SimFixtures.config(clock).build()).start();
        client = new SimClient(simulator.baseUrl());
        HttpResponse<String> placed = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "resting");
        uuid = json(placed).get("uuid").asText();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void failedCancelLeavesTheLookUpAloneAndAcceptsNothing() {
        simulator.faults().on("DELETE", ORDER).failNext(1, 500);

        HttpResponse<String> cancel = cancel();
        HttpResponse<String> lookUp = lookUp();

        assertThat(cancel.statusCode()).isEqualTo(500);
        assertThat(lookUp.statusCode()).isEqualTo(200);
        assertThat(json(lookUp).get("state").asText()).isEqualTo("wait");
        assertThat(order().cancelRequested()).isFalse();
        assertThat(cancel().statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitedCancelIsRefusedWith429WhileLookUpsPass() {
        simulator.faults().on("DELETE", ORDER).limitNext(1);

        assertThat(cancel().statusCode()).isEqualTo(429);
        assertThat(lookUp().statusCode()).isEqualTo(200);
        assertThat(order().cancelRequested()).isFalse();
    }

    @Test
    void cancelWhoseAnswerIsLostIsAcceptedAllTheSame() {
        simulator.faults().on("DELETE", ORDER).loseNextAnswers(1, Duration.ZERO);

        assertThatThrownBy(this::cancel).isInstanceOf(UncheckedIOException.class);

        assertThat(order().cancelRequested()).isTrue();
        assertThat(json(lookUp()).get("state").asText()).isEqualTo("cancel");
        assertThat(simulator.faults().applied(SimulatorFaults.Kind.LOST_ANSWER, ORDER))
                .isEqualTo(1);
    }

    @Test
    void cancelAnsweredOrderNotFoundLeavesTheOpenOrderUntouched() {
        simulator.faults().on("DELETE", ORDER).answerNotFoundNext(1);

        HttpResponse<String> cancel = cancel();
        HttpResponse<String> lookUp = lookUp();

        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(errorName(cancel)).isEqualTo("order_not_found");
        assertThat(json(lookUp).get("state").asText()).isEqualTo("wait");
        assertThat(order().cancelRequested()).isFalse();
        assertThat(simulator.faults().applied(SimulatorFaults.Kind.ORDER_NOT_FOUND, ORDER))
                .isEqualTo(1);
    }

    @Test
    void faultOfTheMethodIsUsedBeforeOneOfEveryMethod() {
        simulator.faults().failNext(ORDER, 1, 503);
        simulator.faults().on("delete", ORDER).failNext(1, 500);

        assertThat(cancel().statusCode()).isEqualTo(500);
        assertThat(lookUp().statusCode()).isEqualTo(503);
        assertThat(cancel().statusCode()).isEqualTo(200);
        assertThat(simulator.faults().idle()).isTrue();
    }

    @Test
    void pathOnlyFaultsStillHitEveryMethod() {
        simulator.faults().failNext(ORDER, 2, 502);

        assertThat(lookUp().statusCode()).isEqualTo(502);
        assertThat(cancel().statusCode()).isEqualTo(502);
        assertThat(lookUp().statusCode()).isEqualTo(200);
    }

    @Test
    void methodAndPathAreCheckedWhenArmed() {
        SimulatorFaults faults = simulator.faults();

        assertThatThrownBy(() -> faults.on("DEL ETE", ORDER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.on("DELETE", "/v1/order?uuid=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.on("DELETE", ORDER).failNext(1, 404))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(faults.idle()).isTrue();
    }

    private HttpResponse<String> cancel() {
        return client.signedDelete(ALICE, ORDER, "uuid", uuid);
    }

    private HttpResponse<String> lookUp() {
        return client.signedGet(ALICE, ORDER, "uuid", uuid);
    }

    private SimOrder order() {
        return simulator.state().order(uuid).orElseThrow();
    }
}
