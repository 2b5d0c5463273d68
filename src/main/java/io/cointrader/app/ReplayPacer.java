package io.cointrader.app;

import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.state.StateStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the simulated clock one step per pass instead of sleeping. The time of every completed pass is
 * kept in the database, so a restarted run resumes after it instead of replaying the past again.
 */
final class ReplayPacer implements Pacer {

    static final String CLOCK_KEY = io.cointrader.state.MetaKeys.REPLAY_CLOCK;

    private final ReplayClock clock;
    private final Duration step;
    private final Instant end;
    private final StateStore store;

    ReplayPacer(ReplayClock clock, Duration step, Instant end, StateStore store) {
        this.clock = clock;
        this.step = step;
        this.end = end;
        this.store = store;
    }

    @Override
    public boolean awaitNextPass() {
        Instant done = clock.instant();
        store.putMeta(CLOCK_KEY, done.toString());
        Instant next = done.plus(step);
        if (next.isAfter(end)) {
            return false;
        }
        clock.set(next);
        return true;
    }
}
