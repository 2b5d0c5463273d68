package io.cointrader.core;

/** Outcome of the risk gate. */
public enum RiskDecision {
    APPROVED,
    REJECTED
}
