package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReplayClockTest {

    private static final Instant START = Instant.parse("2025-10-21T02:59:00Z");

    @Test
    void standsStillUntilMoved() {
        ReplayClock clock = new ReplayClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advancesAndSets() {
        ReplayClock clock = new ReplayClock(START);

        assertThat(clock.advance(Duration.ofMinutes(60))).isEqualTo(Instant.parse("2025-10-21T03:59:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-10-21T03:59:00Z"));
        clock.set(Instant.parse("2025-10-19T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-10-19T00:00:00Z"));
    }

    @Test
    void refusesToRunBackwards() {
        ReplayClock clock = new ReplayClock(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void zonedViewFollowsTheClock() {
        ReplayClock clock = new ReplayClock(START);
        Clock seoul = clock.withZone(ZoneId.of("Asia/Seoul"));

        clock.advance(Duration.ofHours(1));

        assertThat(seoul.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(ZonedDateTime.now(seoul).getHour()).isEqualTo(12);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void concurrentAdvancesAreNotLost() throws InterruptedException {
        ReplayClock clock = new ReplayClock(START);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofSeconds(1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(4000));
    }
}
