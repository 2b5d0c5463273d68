package io.cointrader.sim;

import static io.cointrader.sim.SimFixtures.ALICE;
import static io.cointrader.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.exchange.replay.ReplayClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    private final ReplayClock clock = new ReplayClock(T0);

    @Test
    void defaultsAreUpbitsFeeAndBudgetsAndARandomPort() {
        SimulatorConfig config = SimulatorConfig.builder(SimFixtures.history(), SimClock.fixed(clock))
                .build();

        assertThat(config.port()).isZero();
        assertThat(config.feeRate()).isEqualByComparingTo("0.0005");
        assertThat(config.rateLimits().budget(SimRateGroup.ORDER)).isEqualTo(12);
        assertThat(config.rateLimits().budget(SimRateGroup.DEFAULT)).isEqualTo(30);
        assertThat(config.rateLimits().block()).isNull();
        assertThat(config.matchStep()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.fillFraction()).isEqualByComparingTo("0.01");
    }

    @Test
    void neverPrintsSecretKeys() {
        SimulatorConfig config = SimFixtures.config(clock).build();

        assertThat(config.toString()).contains(ALICE.accessKey()).doesNotContain(ALICE.secret());
    }

    @Test
    void rejectsImpossibleSettings() {
        SimulatorConfig.Builder builder = SimFixtures.config(clock);

        assertThatThrownBy(() -> builder.port(70000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> SimFixtures.config(clock).feeRate(BigDecimal.ONE).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        SimFixtures.config(clock).fillFraction(BigDecimal.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> SimFixtures.config(clock).matchStep(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimits.upbit().withBudget(SimRateGroup.ORDER, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimAccount.of(" ", "1000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimAccount.of("secret", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsOnceAndStopsIdempotently() {
        UpbitSimulator simulator = new UpbitSimulator(SimFixtures.config(clock).build());
        assertThatThrownBy(simulator::baseUrl).isInstanceOf(IllegalStateException.class);
        simulator.start();
        try {
            assertThat(simulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
        } finally {
            simulator.stop();
            simulator.stop();
        }
        assertThatThrownBy(simulator::baseUrl).isInstanceOf(IllegalStateException.class);
    }
}
