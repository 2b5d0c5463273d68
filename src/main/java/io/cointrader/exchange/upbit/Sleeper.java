package io.cointrader.exchange.upbit;

import java.time.Duration;

/**
 * Waits for a while. The companion of the injected {@link java.time.Clock}: throttling and retry
 * back-off wait through it, so tests can record the waits and advance a mutable clock instead of
 * sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread, rounding up to whole milliseconds so short waits do not spin. */
    Sleeper THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.plusNanos(999_999).toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
