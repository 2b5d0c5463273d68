package io.cointrader.app;

import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.Sleeper;
import io.cointrader.execution.OrderSpacing;

/** The two ways time passes between orders: real sleep, or a step of a simulated clock. */
final class Spacings {

    private Spacings() {}

    /** Sleeps through {@code sleeper}; an interrupt ends the wait and is kept for the loop to see. */
    static OrderSpacing sleeping(Sleeper sleeper) {
        return pause -> {
            try {
                sleeper.sleep(pause);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** Moves the simulated clock on. */
    static OrderSpacing advancing(ReplayClock clock) {
        return pause -> {
            clock.advance(pause);
            return true;
        };
    }
}
