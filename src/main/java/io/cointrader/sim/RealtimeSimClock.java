package io.cointrader.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Market time = {@code start} + (wall time since {@code wallOrigin}) x {@code speed}. */
record RealtimeSimClock(Instant start, double speed, Clock wall, Instant wallOrigin) implements SimClock {

    RealtimeSimClock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(wallOrigin, "wallOrigin");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be a positive number, got " + speed);
        }
    }

    @Override
    public Instant now() {
        long wallNanos = Duration.between(wallOrigin, wall.instant()).toNanos();
        return start.plusNanos(Math.round(wallNanos * speed));
    }
}
