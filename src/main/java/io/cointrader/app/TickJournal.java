package io.cointrader.app;

import io.cointrader.state.StateStore;
import io.cointrader.state.StateStoreException;
import io.cointrader.state.TickRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the newest tick of every symbol in the database, so that the dashboard (possibly another
 * process) can show when each symbol was last looked at and at what price.
 */
final class TickJournal implements Consumer<TickReport> {

    private static final Logger LOG = LoggerFactory.getLogger(TickJournal.class);

    private final StateStore store;
    private final Clock tradingClock;
    private final Clock wallClock;

    /** @param tradingClock the loop's clock (simulated on replay); @param wallClock real time */
    TickJournal(StateStore store, Clock tradingClock, Clock wallClock) {
        this.store = store;
        this.tradingClock = tradingClock;
        this.wallClock = wallClock;
    }

    @Override
    public void accept(TickReport report) {
        Instant time = report.time() != null ? report.time() : tradingClock.instant();
        try {
            store.recordTick(new TickRecord(
                    report.symbol(),
                    time,
                    wallClock.instant(),
                    report.action().name(),
                    report.price(),
                    report.detail()));
        } catch (StateStoreException e) {
            // the tick itself is already recorded where it matters; this row only feeds the dashboard
            LOG.warn("could not record the tick of {} for the dashboard: {}", report.symbol(), e.getMessage());
        }
    }
}
