package io.cointrader.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks the loop to stop after the current tick (SIGTERM, SIGINT, or a caller) and lets the asker wait
 * until it has. A tick in progress is never interrupted; a wait between passes ends at once.
 */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    boolean requested() {
        return requested.getCount() == 0;
    }

    void request() {
        requested.countDown();
    }

    /** Waits {@code duration} unless a stop is requested first; returns true when the full wait passed. */
    boolean sleep(Duration duration) throws InterruptedException {
        return !requested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    void markFinished() {
        finished.countDown();
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
