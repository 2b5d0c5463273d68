package io.cointrader.app;

import java.time.Duration;

/** Sleeps MARKET_DATA_INTERVAL_SEC of real time between passes; a stop request ends the wait at once. */
final class SleepingPacer implements Pacer {

    private final Duration interval;
    private final StopSignal stop;

    SleepingPacer(Duration interval, StopSignal stop) {
        this.interval = interval;
        this.stop = stop;
    }

    @Override
    public boolean awaitNextPass() throws InterruptedException {
        return stop.sleep(interval);
    }
}
