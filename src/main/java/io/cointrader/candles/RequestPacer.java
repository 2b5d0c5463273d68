package io.cointrader.candles;

import io.cointrader.exchange.upbit.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly: at least {@code 1 s / perSecond} (rounded up to the nanosecond) between two
 * starts, so that no one-second window, wherever it starts, holds more than {@code perSecond} of them.
 * Even spacing rather than bursts keeps well clear of a server that counts in its own windows. Not
 * thread-safe: one download runs on one thread.
 */
final class RequestPacer {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration spacing;
    private Instant next = Instant.MIN;

    RequestPacer(Clock clock, Sleeper sleeper, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("requests per second must be at least 1, got " + perSecond);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.spacing = Duration.ofNanos((1_000_000_000L + perSecond - 1) / perSecond);
    }

    /** Waits, through the sleeper, until the next request may start, and counts it as started now. */
    void awaitTurn() throws InterruptedException {
        Instant now = clock.instant();
        while (now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            now = clock.instant();
        }
        startedAt(now);
    }

    /**
     * The request went out later than its turn, at {@code time} (something else held it, such as the
     * server's {@code Remaining-Req}): the next one keeps its distance from that.
     */
    void startedAt(Instant time) {
        Instant after = time.plus(spacing);
        if (after.isAfter(next)) {
            next = after;
        }
    }
}
