package io.cointrader.notify;

import java.time.Duration;

/**
 * Waits for a while on the calling thread. The companion of the injected {@link java.time.Clock}: the
 * Slack sender paces, backs off and honours {@code Retry-After} through it, so tests can record the
 * waits and advance a mutable clock instead of sleeping.
 */
@FunctionalInterface
public interface Waiter {

    /** Sleeps, rounding up to whole milliseconds so short waits do not spin. */
    Waiter THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.plusNanos(999_999).toMillis());
        }
    };

    void await(Duration duration) throws InterruptedException;
}
