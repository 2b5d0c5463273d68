package io.cointrader.core;

/** Where an order intent stands in the execution pipeline. */
public enum IntentState {
    /** Written ahead, the broker has not (yet) answered. A crash here leaves it for reconciliation. */
    SUBMITTING,
    /** The broker accepted the order; see the orders table for its status. */
    PLACED,
    /** The broker refused the order; nothing was placed. */
    REJECTED,
    /** The broker call failed without an answer; reconciliation must find out what happened. */
    UNKNOWN,
    /** Reconciliation established that no order exists for this intent. */
    NOT_PLACED;

    public boolean needsReconciliation() {
        return this == SUBMITTING || this == UNKNOWN;
    }
}
