package io.cointrader.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Paces messages: one token per interval, at most {@code burst} saved up. Used by one thread only. */
final class TokenBucket {

    private final Clock clock;
    private final long intervalNanos;
    private final long burst;
    private long tokens;
    private Instant lastRefill;

    TokenBucket(Clock clock, Duration interval, int burst) {
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = clock.instant();
    }

    /** Zero when a token can be taken now, otherwise how long until one can. */
    Duration timeUntilToken() {
        refill();
        if (tokens > 0) {
            return Duration.ZERO;
        }
        long elapsed = Duration.between(lastRefill, clock.instant()).toNanos();
        return Duration.ofNanos(Math.max(1, intervalNanos - elapsed));
    }

    /** Takes a token if one is there. */
    boolean tryTake() {
        refill();
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(lastRefill, now).toNanos();
        if (elapsed < 0) {
            lastRefill = now; // the clock stepped back: count from here
            return;
        }
        if (elapsed < intervalNanos) {
            return;
        }
        long earned = elapsed / intervalNanos;
        tokens = Math.min(burst, tokens + earned);
        lastRefill = tokens == burst ? now : lastRefill.plusNanos(earned * intervalNanos);
    }
}
