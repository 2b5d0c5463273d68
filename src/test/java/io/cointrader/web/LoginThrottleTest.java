package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        AtomicInteger comparisons = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LoginThrottle.Verdict>> verdicts = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                verdicts.add(pool.submit(() -> {
                    start.await();
                    return throttle.attempt("a", () -> comparisons.incrementAndGet() < 0);
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(comparisons).hasValue(5);
        long locked = 0;
        for (Future<LoginThrottle.Verdict> verdict : verdicts) {
            locked += verdict.get().outcome() == LoginThrottle.Outcome.LOCKED ? 1 : 0;
        }
        assertThat(locked).isEqualTo(35);
    }

    @Test
    void lockOutReportsTheTimeLeft() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("a", () -> false);
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(throttle.lockedFor("a")).isEqualTo(Duration.ofSeconds(900 - 61));
        assertThat(throttle.lockedFor("b")).isZero();
        assertThat(throttle.attempt("a", () -> true).retryAfter()).isEqualTo(Duration.ofSeconds(839));
    }

    @Test
    void aNewStreakAfterALockOutNeedsFiveFreshFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("a", () -> false);
        }
        clock.advance(Duration.ofMinutes(15));

        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("a", () -> false).outcome()).isEqualTo(LoginThrottle.Outcome.WRONG);
        }
        assertThat(throttle.lockedFor("a")).isZero();
        throttle.attempt("a", () -> false);
        assertThat(throttle.lockedFor("a")).isEqualTo(Duration.ofMinutes(15));
    }
}
