package io.cointrader.sim;

import static io.cointrader.sim.SimClient.json;
import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimClockTest {

    private final MutableClock wall = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

    @Test
    void realtimeClockRunsFromItsStartAtTheGivenSpeed() {
        SimClock clock = SimClock.realtime(T0, 60, wall);
        Instant atStart = clock.now();
        wall.advance(Duration.ofSeconds(1));
        Instant afterOneSecond = clock.now();
        wall.advance(Duration.ofMillis(1500));

        assertThat(atStart).isEqualTo(T0);
        assertThat(afterOneSecond).isEqualTo(T0.plusSeconds(60));
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(150));
    }

    @Test
    void realtimeClockNeedsAPositiveSpeed() {
        assertThatThrownBy(() -> SimClock.realtime(T0, 0, wall)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimClock.realtime(T0, Double.NaN, wall)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedClockFollowsTheReplayClock() {
        ReplayClock replay = new ReplayClock(T0);
        SimClock clock = SimClock.fixed(replay);

        replay.advance(Duration.ofMinutes(7));

        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
    }

    @Test
    void ordersFillAsWallTimeRunsUnderARealtimeClock() {
        SimulatorConfig config = SimulatorConfig.builder(SimFixtures.history(), SimClock.realtime(T0, 60, wall))
                .wallClock(wall)
                .account(ALICE.accessKey(), SimAccount.of(ALICE.secret(), SimFixtures.INITIAL_KRW))
                .build();
        try (UpbitSimulator simulator = new UpbitSimulator(config).start()) {
            SimClient client = new SimClient(simulator.baseUrl());
            String uuid = json(client.placeLimit(ALICE, "KRW-ETH", "bid", "0.01", "5000000", "rt"))
                    .get("uuid")
                    .asText();
            String before = json(client.signedGet(ALICE, "/v1/order", "uuid", uuid))
                    .get("state")
                    .asText();

            wall.advance(Duration.ofSeconds(1));
            String after = json(client.signedGet(ALICE, "/v1/order", "uuid", uuid))
                    .get("state")
                    .asText();

            assertThat(before).isEqualTo("wait");
            assertThat(after).isEqualTo("done");
        }
    }
}
