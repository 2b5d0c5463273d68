package io.cointrader.execution;

/**
 * Places on the order path where a crash is most dangerous. Crash tests stop the process at each of
 * them (see {@link CrashHook}) to prove that a restart neither loses nor repeats an order.
 */
public enum CrashPoint {
    /** The intent is written ahead; the broker has not been called. */
    AFTER_WRITE_AHEAD,
    /** The broker accepted the order; the database does not know yet. */
    AFTER_BROKER_CALL
}
