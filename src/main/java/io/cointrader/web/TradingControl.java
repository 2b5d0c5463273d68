package io.cointrader.web;

import java.time.Duration;

/**
 * Starts and stops the trading loop on behalf of the dashboard. The implementation runs the same loop
 * as {@code trader run} in the server's process, behind the same run lock and (for live mode) the
 * same gate. Thread-safe: requests may arrive concurrently.
 */
public interface TradingControl {

    /** The loop as it is now, including a loop run by another process on the same database. */
    TradingState state();

    /**
     * Starts the loop in the background and returns at once.
     *
     * @throws ControlRefusedException when the loop is already running (here or elsewhere), the live
     *     gate refuses, or the request is not allowed by the configuration; its message is one line
     *     meant for the user and never holds a secret
     */
    TradingState start(StartRequest request);

    /**
     * Asks the loop to stop after the tick in progress and waits up to {@code wait} for it.
     *
     * @throws ControlRefusedException when no loop runs in this process
     */
    TradingState stop(Duration wait);
}
