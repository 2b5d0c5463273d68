package io.cointrader.sim;

import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prices follow the replayed market time; the times the simulator reports for orders and trades follow
 * its wall clock, as a real exchange's do, so that a trader on it keeps one clock in its books.
 */
class SimulatorClocksTest {

    private final ReplayClock market = new ReplayClock(T0.plus(Duration.ofMinutes(5)));
    private final MutableClock wall = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
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
        simulator.close();
    }

    @Test
    void ordersAndTradesCarryTheWallClockWhileTheMarketTimeSetsThePrice() {
        JsonNode placed = json(client.placeLimit(ALICE, "KRW-BTC", "bid", "0.001", "99500000", "clocks"));
        market.set(T0.plus(Duration.ofMinutes(12)));
        wall.advance(Duration.ofSeconds(7));

        JsonNode order = json(client.signedGet(ALICE, "/v1/order", "identifier", "clocks"));

        assertThat(placed.get("created_at").asText()).isEqualTo("2026-12-01T12:00:00+09:00");
        assertThat(order.get("state").asText()).isEqualTo("done");
        JsonNode trade = order.get("trades").get(0);
        assertThat(trade.get("created_at").asText()).isEqualTo("2026-12-01T12:00:07+09:00");
        assertThat(trade.get("price").asText()).isEqualTo("99500000");
        assertThat(simulator.state().trades(ALICE.accessKey()).get(0).marketTime())
                .isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }
}
