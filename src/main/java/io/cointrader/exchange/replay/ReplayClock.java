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
 *
 * <p>{@link #set} moves the clock to a new step of the replay; {@link #advance} lets a little time pass
 * within the step (a wait between two orders). {@link #stepView()} reads the time of the step alone, so
 * that market data served at it stays that of the step while orders are spaced in time: a replay stepped
 * on candle boundaries would otherwise show a brand-new candle one second old after such a wait, which
 * neither the step before it nor a backtest over the same candles ever sees.
 */
public final class ReplayClock extends Clock {

    private volatile Instant now;
    private volatile Instant step;

    public ReplayClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
        this.step = start;
    }

    /** Moves the clock to {@code instant}, a new step, backwards included (tests rewind it). */
    public synchronized void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        step = instant;
    }

    /** A clock that reads the time of the current step, without the time advanced within it. */
    public Clock stepView() {
        return new StepView(this);
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

    private static final class StepView extends Clock {
        private final ReplayClock source;

        StepView(ReplayClock source) {
            this.source = source;
        }

        @Override
        public Instant instant() {
            return source.step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the step view of a replay clock is UTC only");
        }
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
