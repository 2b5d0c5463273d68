package io.cointrader.execution;

/**
 * Places on the order path where a crash is most dangerous, in the order an order passes them. Crash
 * tests stop the process at each of them (see {@link CrashHook}) to prove that a restart neither
 * loses nor repeats an order.
 *
 * <p>The moment between the order POST reaching the exchange and its answer being read has no point
 * here: a halt inside the process would race the asynchronous send and could not tell whether the
 * exchange saw the order. Crash tests cover it from the outside instead: the simulator creates the
 * order, holds its answer, and the test kills the process.
 */
public enum CrashPoint {
    /** The intent is written ahead; the broker has not been called. */
    AFTER_WRITE_AHEAD,
    /** The broker accepted the order; the database does not know yet. */
    AFTER_BROKER_CALL,
    /** The placed order (and any fills that came with it) is saved; nothing after that has run. */
    AFTER_ORDER_SAVED,
    /** New fills of an order are saved; nothing after that has run. */
    AFTER_FILL_RECORDED,
    /** A cancel was sent and answered; nothing of it is saved yet. */
    AFTER_CANCEL_SENT,
    /** The order as the cancel left it is saved; nothing after that has run. */
    AFTER_CANCEL_RECORDED,
    /**
     * Reconciliation has the exchange's answer for an interrupted intent or an open order, and has not
     * saved it yet.
     */
    DURING_RECONCILIATION
}
