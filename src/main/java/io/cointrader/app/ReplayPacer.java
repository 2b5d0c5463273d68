package io.cointrader.app;

import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.state.StateStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the simulated clock one step per pass instead of sleeping. Passes stay on their schedule (start
 * + n steps) even when a pass moved the clock on a little, e.g. to space orders by a second. The time of
 * every completed pass is kept in the database, so a restarted run resumes after it instead of replaying
 * the past again.
 */
final class ReplayPacer implements Pacer {

    static final String CLOCK_KEY = io.cointrader.state.MetaKeys.REPLAY_CLOCK;

    private final ReplayClock clock;
    private final Duration step;
    private final Instant end;
    private final StateStore store;
    private Instant scheduled;

    /** Paces passes from the clock's time now, the time of the first pass. */
    ReplayPacer(ReplayClock clock, Duration step, Instant end, StateStore store) {
        this.clock = clock;
        this.step = step;
        this.end = end;
        this.store = store;
        this.scheduled = clock.instant();
    }

    @Override
    public boolean awaitNextPass() {
        store.putMeta(CLOCK_KEY, scheduled.toString());
        Instant next = scheduled.plus(step);
        if (next.isAfter(end)) {
            return false;
        }
        clock.set(next);
        scheduled = next;
        return true;
    }
}
