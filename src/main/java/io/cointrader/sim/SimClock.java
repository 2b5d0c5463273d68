package io.cointrader.sim;

import io.cointrader.exchange.replay.ReplayClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The market time of the simulator: which moment of the replayed history is "now". Read once per
 * request; must be safe to call from any thread.
 */
@FunctionalInterface
public interface SimClock {

    /** The current market time. */
    Instant now();

    /** Market time that moves only when the caller moves {@code clock} (tests, stepped runs). */
    static SimClock fixed(ReplayClock clock) {
        Objects.requireNonNull(clock, "clock");
        return clock::instant;
    }

    /**
     * Market time that runs with the wall clock at {@code speed} times real time, starting at
     * {@code start} at the moment this method is called (e.g. speed 60: one wall second is one
     * market minute).
     *
     * @throws IllegalArgumentException when {@code speed} is not a positive finite number
     */
    static SimClock realtime(Instant start, double speed, Clock wall) {
        return new RealtimeSimClock(start, speed, wall, wall.instant());
    }
}
