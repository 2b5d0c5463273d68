package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisorHealthTest {

    private final MutableClock wall = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final AdvisorHealth health = new AdvisorHealth("test-model", wall);

    /** How long the health keeps the advisor from being asked, to the second. */
    private Duration pause() {
        Instant until = health.pausedUntil();
        return until == null ? Duration.ZERO : Duration.between(wall.instant(), until);
    }

    @Test
    void asksUntilTheThirdFailureInARow() {
        health.failed("TIMEOUT", "x");
        health.failed("TIMEOUT", "x");
        assertThat(health.mayAsk()).isTrue();

        health.failed("TIMEOUT", "x");

        assertThat(health.mayAsk()).isFalse();
        assertThat(pause()).isEqualTo(AdvisorHealth.FIRST_PAUSE);
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        health.failed("TIMEOUT", "x");
        health.failed("TIMEOUT", "x");
        health.succeeded();
        health.failed("TIMEOUT", "x");
        health.failed("TIMEOUT", "x");

        assertThat(health.mayAsk()).isTrue();
    }

    @Test
    void doublesThePauseAfterEachFailedTryUpToHalfAnHour() {
        for (int i = 0; i < 3; i++) {
            health.failed("UNREACHABLE", "x");
        }
        List<Long> minutes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            minutes.add(pause().toMinutes());
            wall.advance(pause());
            assertThat(health.mayAsk()).isTrue();
            health.failed("UNREACHABLE", "x");
        }

        assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aSuccessEndsThePause() {
        for (int i = 0; i < 3; i++) {
            health.failed("AUTH", "x");
        }
        wall.advance(AdvisorHealth.FIRST_PAUSE);

        health.succeeded();
        health.failed("AUTH", "x");

        assertThat(health.mayAsk()).isTrue();
        assertThat(health.pausedUntil()).isNull();
    }
}
