package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.core.Secret;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.logging.Redactor;
import io.cointrader.security.UpbitKeys;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The self-test's key-expiry line: PASS, WARN under 30 days, FAIL under 7 days, WARN when unknown. */
class SelftestKeyExpiryTest {

    private static final String ACCESS = "sim-access-expiry-0001";
    private static final String SECRET = "sim-secret-expiry-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theLineFollowsTheDaysLeft() {
        Check fine = SelftestKeyExpiry.line(Optional.of(NOW.plus(Duration.ofDays(200))), NOW);
        Check soon = SelftestKeyExpiry.line(Optional.of(NOW.plus(Duration.ofDays(30))), NOW);
        Check urgent = SelftestKeyExpiry.line(Optional.of(NOW.plus(Duration.ofDays(7))), NOW);
        Check expired = SelftestKeyExpiry.line(Optional.of(NOW.minus(Duration.ofDays(1))), NOW);
        Check unknown = SelftestKeyExpiry.line(Optional.empty(), NOW);

        assertThat(fine.status()).isEqualTo(Status.PASS);
        assertThat(fine.detail()).isEqualTo("expires on 2027-06-25 KST (200 days left)");
        assertThat(soon.status()).isEqualTo(Status.WARN);
        assertThat(soon.hint()).contains("trader encrypt-keys");
        assertThat(urgent.status()).isEqualTo(Status.FAIL);
        assertThat(expired.status()).isEqualTo(Status.FAIL);
        assertThat(expired.detail()).startsWith("expired on");
        assertThat(unknown.status()).isEqualTo(Status.WARN);
        assertThat(unknown.detail()).startsWith("unknown");
    }

    @Test
    void asksTheExchangeForTheKeyInUse() {
        assertThat(checkAgainstSimulatorWithKeysLasting(Duration.ofDays(365)).status())
                .isEqualTo(Status.PASS);
        Check soon = checkAgainstSimulatorWithKeysLasting(Duration.ofDays(20));
        assertThat(soon.status()).isEqualTo(Status.WARN);
        assertThat(soon.detail()).contains("days left");
        assertThat(checkAgainstSimulatorWithKeysLasting(Duration.ofDays(5)).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void anExchangeThatCannotAnswerIsAWarningWithoutTheKeys() {
        Redactor redactor = Redactor.withSecrets(List.of());
        UpbitKeys keys = new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET));

        Check check = SelftestKeyExpiry.check(
                keys,
                UpbitOptions.defaults(java.net.URI.create("http://127.0.0.1:9"), "test")
                        .withMaxAttempts(1),
                Clock.systemUTC(),
                redactor);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).startsWith("unknown:").doesNotContain(ACCESS, SECRET);
        assertThat(redactor.redact("x " + ACCESS + " y")).doesNotContain(ACCESS);
    }

    private static Check checkAgainstSimulatorWithKeysLasting(Duration lifetime) {
        History history = History.bundled();
        ReplayClock market = new ReplayClock(Instant.parse("2025-01-01T00:00:00Z"));
        SimulatorConfig config = SimulatorConfig.builder(history, SimClock.fixed(market))
                .account(ACCESS, SimAccount.of(SECRET, "1000000"))
                .keyLifetime(lifetime)
                .build();
        try (UpbitSimulator sim = new UpbitSimulator(config).start()) {
            return SelftestKeyExpiry.check(
                    new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET)),
                    UpbitOptions.defaults(sim.baseUrl(), "test"),
                    Clock.systemUTC(),
                    Redactor.withSecrets(List.of()));
        }
    }
}
