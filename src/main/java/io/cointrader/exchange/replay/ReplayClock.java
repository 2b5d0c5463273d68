package io.cointrader.exchange.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A simulated UTC clock that only moves when told to. Reads are safe from any thread (the instant
 * is volatile); writes are serialised so that concurrent {@link #advance} calls never lose a step.
 */
public final class ReplayClock extends Clock {

    private volatile Instant now;

    public ReplayClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code instant}, backwards included (tests rewind it). */
    public synchronized void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    /**
     * Moves the clock forward by {@code step}.
     *
     * @throws IllegalArgumentException when {@code step} is negative: replayed time never runs backwards
     */
    public synchronized Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("replay clock cannot advance by a negative step " + step);
        }
        now = now.plus(step);
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        return new ZonedView(this, zone);
    }

    @Override
    public String toString() {
        return "ReplayClock[" + now + "]";
    }

    private static final class ZonedView extends Clock {
        private final ReplayClock source;
        private final ZoneId zone;

        ZonedView(ReplayClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return source.withZone(other);
        }
    }
}
