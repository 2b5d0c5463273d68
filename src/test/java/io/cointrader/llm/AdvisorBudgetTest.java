package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.MutableClock;
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

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T23:59:00Z"));

    @Test
    void allowsAtMostTheDailyCallLimit() {
        AdvisorBudget budget = new AdvisorBudget(2, 1_000, clock);

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(budget.usage().calls()).isEqualTo(2);
    }

    @Test
    void refusesOnceTheDailyTokensAreUsed() {
        AdvisorBudget budget = new AdvisorBudget(100, 1_000, clock);

        assertThat(budget.tryAcquire()).isTrue();
        budget.record(999);
        assertThat(budget.tryAcquire()).isTrue();
        budget.record(1);
        assertThat(budget.tryAcquire()).isFalse();
        assertThat(budget.usage().tokens()).isEqualTo(1_000);
    }

    @Test
    void startsAfreshAtMidnightUtc() {
        AdvisorBudget budget = new AdvisorBudget(1, 10, clock);
        assertThat(budget.tryAcquire()).isTrue();
        budget.record(50);
        assertThat(budget.tryAcquire()).isFalse();

        clock.advance(Duration.ofMinutes(1));

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.usage()).isEqualTo(new AdvisorBudget.Usage(LocalDate.parse("2026-03-03"), 1, 0));
    }

    @Test
    void aZeroLimitAllowsNothing() {
        assertThat(new AdvisorBudget(0, 10, clock).tryAcquire()).isFalse();
        assertThat(new AdvisorBudget(10, 0, clock).tryAcquire()).isFalse();
    }

    @Test
    void neverGrantsMoreThanTheLimitAcrossThreads() throws Exception {
        AdvisorBudget budget = new AdvisorBudget(50, 1_000_000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(budget::tryAcquire))
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
