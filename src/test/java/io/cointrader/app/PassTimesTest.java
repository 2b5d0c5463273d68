package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cointrader.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PassTimesTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PassTimes times = new PassTimes(Duration.ofSeconds(1), now::get);

    private void pass(Duration took) {
        long started = times.start();
        now.addAndGet(took.toNanos());
        times.finished(started);
    }

    @Test
    void reportsTheMedianAndTheNinetyNinthPercentileWithinAQuarterAboveTheTruth() {
        for (int i = 0; i < 98; i++) {
            pass(Duration.ofMillis(4));
        }
        pass(Duration.ofMillis(200));
        pass(Duration.ofMillis(300));

        assertThat(times.passes()).isEqualTo(100);
        assertThat(times.quantile(0.5)).isBetween(Duration.ofMillis(4), Duration.ofMillis(5));
        assertThat(times.quantile(0.99)).isBetween(Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(times.quantile(1.0)).isEqualTo(Duration.ofMillis(300));
        assertThat(times.slowest()).isEqualTo(Duration.ofMillis(300));
        assertThat(times.overBudget()).isZero();
    }

    @Test
    void warnsOfAndCountsEveryPassLongerThanTheBudget() {
        try (LogCapture log = LogCapture.of(PassTimes.class, Level.WARN)) {
            pass(Duration.ofMillis(999));
            pass(Duration.ofMillis(1500));

            assertThat(times.overBudget()).isEqualTo(1);
            assertThat(log.texts())
                    .singleElement()
                    .asString()
                    .contains("1500 ms")
                    .contains("tick budget of 1 s");
        }
        assertThat(times.summary()).contains("slowest 1500.0 ms").contains("tick budget 1 s, passes over it 1");
    }

    @Test
    void reportsZeroBeforeTheFirstPass() {
        assertThat(times.quantile(0.5)).isEqualTo(Duration.ZERO);
        assertThat(times.summary()).startsWith("pass time median 0.0 ms");
    }

    @Test
    void keepsTheLongestPassesInTheLastBucketWithoutLosingTheSlowest() {
        pass(Duration.ofDays(3));

        assertThat(times.quantile(0.5)).isEqualTo(Duration.ofDays(3));
    }
}
