package io.cointrader.llm;

import java.time.Duration;

/**
 * Waits for a while. Retry back-off waits through it, so tests record the waits (and move a mutable
 * clock) instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread, rounding up to whole milliseconds. */
    Sleeper THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.plusNanos(999_999).toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
