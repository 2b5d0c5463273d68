package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdvisorBudgetTest {

    private static final Instant LATE = Instant.parse("2026-03-02T23:59:00Z");

    @Test
    void allowsAtMostTheDailyCallLimit() {
        AdvisorBudget budget = new AdvisorBudget(2, 1_000);

        assertThat(budget.tryAcquire(LATE)).isTrue();
        assertThat(budget.tryAcquire(LATE)).isTrue();
        assertThat(budget.tryAcquire(LATE)).isFalse();
        assertThat(budget.usage().calls()).isEqualTo(2);
    }

    @Test
    void refusesOnceTheDailyTokensAreUsed() {
        AdvisorBudget budget = new AdvisorBudget(100, 1_000);

        assertThat(budget.tryAcquire(LATE)).isTrue();
        budget.record(LATE, 999);
        assertThat(budget.tryAcquire(LATE)).isTrue();
        budget.record(LATE, 1);
        assertThat(budget.tryAcquire(LATE)).isFalse();
        assertThat(budget.usage().tokens()).isEqualTo(1_000);
    }

    @Test
    void startsAfreshAtMidnightUtcOfTheTradingTimeItIsGiven() {
        AdvisorBudget budget = new AdvisorBudget(1, 10);
        assertThat(budget.tryAcquire(LATE)).isTrue();
        budget.record(LATE, 50);
        assertThat(budget.tryAcquire(LATE)).isFalse();

        assertThat(budget.tryAcquire(LATE.plus(Duration.ofMinutes(1)))).isTrue();
        assertThat(budget.usage()).isEqualTo(new AdvisorBudget.Usage(LocalDate.parse("2026-03-03"), 1, 0));
    }

    @Test
    void aReplayGetsAFreshBudgetForEverySimulatedDay() {
        AdvisorBudget budget = new AdvisorBudget(3, 1_000_000);
        Instant replayStart = Instant.parse("2025-10-21T00:00:00Z");
        int granted = 0;

        // a replay steps an hour per pass: 30 simulated days go by in what may be a minute of real time
        for (int hour = 0; hour < 30 * 24; hour++) {
            granted += budget.tryAcquire(replayStart.plus(Duration.ofHours(hour))) ? 1 : 0;
        }

        assertThat(granted).isEqualTo(30 * 3);
        assertThat(budget.usage().day()).isEqualTo(LocalDate.parse("2025-11-19"));
    }

    @Test
    void aLateQuestionFromTheDayBeforeCountsAgainstTheCurrentDay() {
        AdvisorBudget budget = new AdvisorBudget(2, 1_000);
        Instant nextDay = LATE.plus(Duration.ofMinutes(5));
        assertThat(budget.tryAcquire(nextDay)).isTrue();

        assertThat(budget.tryAcquire(LATE)).isTrue();
        assertThat(budget.tryAcquire(LATE)).isFalse();

        assertThat(budget.usage()).isEqualTo(new AdvisorBudget.Usage(LocalDate.parse("2026-03-03"), 2, 0));
    }

    @Test
    void aZeroLimitAllowsNothing() {
        assertThat(new AdvisorBudget(0, 10).tryAcquire(LATE)).isFalse();
        assertThat(new AdvisorBudget(10, 0).tryAcquire(LATE)).isFalse();
    }

    @Test
    void neverGrantsMoreThanTheLimitAcrossThreads() throws Exception {
        AdvisorBudget budget = new AdvisorBudget(50, 1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> budget.tryAcquire(LATE)))
                    .toList();
            long granted = 0;
            for (Future<Boolean> f : futures) {
                granted += f.get(5, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(granted).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
