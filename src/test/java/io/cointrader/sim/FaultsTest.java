package io.cointrader.sim;

import static io.cointrader.sim.SimClient.errorName;
import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cointrader.exchange.replay.ReplayClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static final String ORDER_BODY =
            "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.001\",\"price\":\"90000000\",\"ord_type\":\"limit\",\"identifier\":\"%s\"}";

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
    void nextRequestsOfAPathFailWithTheGivenStatusThenRecover() {
        simulator.faults().failNext("/v1/ticker", 2, 503);

        HttpResponse<String> first = client.get("/v1/ticker?markets=KRW-BTC");
        HttpResponse<String> otherPath = client.get("/v1/orderbook?markets=KRW-BTC");
        HttpResponse<String> second = client.get("/v1/ticker?markets=KRW-BTC");
        HttpResponse<String> third = client.get("/v1/ticker?markets=KRW-BTC");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(errorName(first)).isEqualTo("server_error");
        assertThat(first.headers().firstValue("Remaining-Req")).isPresent();
        assertThat(otherPath.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void failedOrderPostCreatesNothing() {
        simulator.faults().failNextOrdersBeforeCreating(1);

        HttpResponse<String> failed = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "lost-1");
        HttpResponse<String> lookUp = client.signedGet(ALICE, "/v1/order", "identifier", "lost-1");
        HttpResponse<String> next = client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "90000000", "lost-2");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(lookUp.statusCode()).isEqualTo(404);
        assertThat(next.statusCode()).isEqualTo(201);
        assertThat(simulator.state().orders(ALICE.accessKey())).hasSize(1);
        assertThat(simulator.state().balance(ALICE.accessKey(), "KRW").locked()).isEqualByComparingTo("90045");
    }

    @Test
    void delayedAnswerMakesAShortTimeoutExpireAndLaterRequestsAreNormal() {
        simulator.faults().delayNext("/v1/ticker", 1, Duration.ofSeconds(5));
        HttpRequest impatient = client.request("GET", "/v1/ticker?markets=KRW-BTC", null, null, Duration.ofMillis(200));

        assertThatThrownBy(() -> client.sendRaw(impatient)).isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/v1/ticker?markets=KRW-BTC").statusCode()).isEqualTo(200);
    }

    @Test
    void delayedAnswerStillArrivesAfterTheDelay() {
        simulator.faults().delayNext("/v1/market/all", 1, Duration.ofMillis(300));
        long started = System.nanoTime();

        HttpResponse<String> response = client.get("/v1/market/all");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsNotJsonButArrivesWhole() {
        simulator.faults().malformNext("/v1/accounts", 1);

        HttpResponse<String> broken = client.signedGet(ALICE, "/v1/accounts");
        HttpResponse<String> fine = client.signedGet(ALICE, "/v1/accounts");

        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).isNotEmpty();
        assertThatThrownBy(() -> SimClient.JSON.readTree(broken.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(json(fine).get(0).get("currency").asText()).isEqualTo("KRW");
    }

    @Test
    void truncatedBodyBreaksOffTheTransfer() {
        simulator.faults().truncateNext("/v1/candles/minutes/60", 1);
        HttpRequest request = client.request(
                "GET", "/v1/candles/minutes/60?market=KRW-BTC&count=50", null, null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.sendRaw(request)).isInstanceOf(IOException.class);
        assertThat(client.get("/v1/candles/minutes/60?market=KRW-BTC&count=50").statusCode())
                .isEqualTo(200);
    }

    @Test
    void lostOrderAnswerClosesTheConnectionButTheOrderExists() {
        simulator.faults().loseNextOrderAnswers(1, Duration.ZERO);
        String body = ORDER_BODY.formatted("no-answer");
        String auth = TestJwt.bearer(
                TestJwt.Claims.of(
                        ALICE.accessKey(),
                        SimClient.hashSource(
                                "market",
                                "KRW-BTC",
                                "side",
                                "bid",
                                "volume",
                                "0.001",
                                "price",
                                "90000000",
                                "ord_type",
                                "limit",
                                "identifier",
                                "no-answer")),
                ALICE.secret(),
                "HS512");
        HttpRequest post = client.request("POST", "/v1/orders", body, auth, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.sendRaw(post)).isInstanceOf(IOException.class);

        HttpResponse<String> reconciled = client.signedGet(ALICE, "/v1/order", "identifier", "no-answer");
        assertThat(reconciled.statusCode()).isEqualTo(200);
        assertThat(json(reconciled).get("state").asText()).isEqualTo("wait");
        assertThat(simulator.state().orders(ALICE.accessKey())).hasSize(1);
        assertThat(simulator.state().requests("/v1/orders"))
                .extracting(SeenRequest::status)
                .containsExactly(0);
    }

    @Test
    void heldOrderAnswerTimesTheClientOutButTheOrderExists() {
        simulator.faults().loseNextOrderAnswers(1, Duration.ofSeconds(5));
        String auth = TestJwt.bearer(
                TestJwt.Claims.of(
                        ALICE.accessKey(),
                        SimClient.hashSource(
                                "market",
                                "KRW-BTC",
                                "side",
                                "bid",
                                "volume",
                                "0.001",
                                "price",
                                "90000000",
                                "ord_type",
                                "limit",
                                "identifier",
                                "timed-out")),
                ALICE.secret(),
                "HS512");
        HttpRequest post =
                client.request("POST", "/v1/orders", ORDER_BODY.formatted("timed-out"), auth, Duration.ofMillis(300));

        assertThatThrownBy(() -> client.sendRaw(post)).isInstanceOf(HttpTimeoutException.class);

        assertThat(client.signedGet(ALICE, "/v1/order", "identifier", "timed-out")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void clearDisarmsEveryFault() {
        simulator.faults().failNext("/v1/market/all", 3, 500);
        simulator.faults().malformNext("/v1/market/all", 3);
        simulator.faults().clear();

        HttpResponse<String> response = client.get("/v1/market/all");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(2);
    }

    @Test
    void scriptedRateLimitRefusesTheNextRequestsWithA429AndNoBudgetLeft() {
        simulator.faults().limitNext("/v1/ticker", 2);

        HttpResponse<String> first = client.get("/v1/ticker?markets=KRW-BTC");
        HttpResponse<String> second = client.get("/v1/ticker?markets=KRW-BTC");
        HttpResponse<String> third = client.get("/v1/ticker?markets=KRW-BTC");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.body()).isEqualTo("Too many API requests.");
        assertThat(first.headers().firstValue("Remaining-Req").orElseThrow()).endsWith("sec=0");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(simulator.faults().applied()).containsEntry(SimulatorFaults.Kind.RATE_LIMITED, 2);
        assertThat(simulator.faults().idle()).isTrue();
    }

    @Test
    void scriptedBanAnswersOneRequestWith418AndTheAnnouncedBlock() {
        simulator.faults().banNext("/v1/candles/minutes/60", Duration.ofMillis(90_500));

        HttpResponse<String> banned = client.get("/v1/candles/minutes/60?market=KRW-BTC&count=1");
        HttpResponse<String> otherPath = client.get("/v1/ticker?markets=KRW-BTC");

        assertThat(banned.statusCode()).isEqualTo(418);
        assertThat(banned.headers().firstValue("Retry-After")).hasValue("91");
        assertThat(otherPath.statusCode()).isEqualTo(200);
        assertThat(simulator.faults().applied()).containsEntry(SimulatorFaults.Kind.BANNED, 1);
    }

    @Test
    void countsTheFaultsAppliedByKindAndClearingLeavesTheCounts() {
        simulator.faults().failNext("/v1/ticker", 1, 500);
        simulator.faults().malformNext("/v1/orderbook", 1);
        simulator.faults().truncateNext("/v1/market/all", 3);

        client.get("/v1/ticker?markets=KRW-BTC");
        client.get("/v1/orderbook?markets=KRW-BTC");
        assertThat(simulator.faults().idle()).isFalse();
        simulator.faults().clear();

        assertThat(simulator.faults().idle()).isTrue();
        assertThat(simulator.faults().applied())
                .containsEntry(SimulatorFaults.Kind.SERVER_ERROR, 1)
                .containsEntry(SimulatorFaults.Kind.MALFORMED, 1)
                .doesNotContainKey(SimulatorFaults.Kind.TRUNCATED);
        assertThat(simulator.faults().applied(SimulatorFaults.Kind.SERVER_ERROR, "/v1/ticker"))
                .isEqualTo(1);
        assertThat(simulator.faults().applied(SimulatorFaults.Kind.SERVER_ERROR, "/v1/orderbook"))
                .isZero();
    }
}
