package io.cointrader.execution;

/** How an intent left the execution pipeline. */
public enum ExecutionOutcome {
    /** The broker accepted the order (it may be open or already filled). */
    PLACED,
    /** The kill switch is on; nothing was sent. */
    KILL_SWITCH_ACTIVE,
    /** The same intent was seen before; nothing was sent. */
    DUPLICATE,
    /** The risk manager refused; nothing was sent. */
    RISK_REJECTED,
    /** The broker refused (e.g. insufficient funds); nothing was placed. */
    BROKER_REJECTED,
    /** The broker call failed without an answer; the intent is UNKNOWN until reconciled. */
    OUTCOME_UNKNOWN
}
