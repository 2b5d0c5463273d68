package io.cointrader.notify;

import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every wait and moves the test clock on by it instead of sleeping. */
final class RecordingWaiter implements Waiter {

    private final MutableClock clock;
    private final List<Duration> waits = new ArrayList<>();

    RecordingWaiter(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void await(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
