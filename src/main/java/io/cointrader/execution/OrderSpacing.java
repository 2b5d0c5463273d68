package io.cointrader.execution;

import java.time.Duration;

/**
 * Lets time pass before an order so that it keeps MAX_ORDERS_PER_SECOND instead of being refused: a
 * real sleep in live and paper trading, a step of the simulated clock on the replay exchange and in a
 * backtest.
 */
@FunctionalInterface
public interface OrderSpacing {

    /** Never waits: an order over the rate limit is refused by the risk check. */
    OrderSpacing NONE = pause -> false;

    /**
     * Waits {@code pause}.
     *
     * @return whether the time has passed; false when waiting is not possible or was interrupted (the
     *     interrupt flag is then restored)
     */
    boolean pause(Duration pause);
}
