package io.cointrader.core;

/** What a strategy advises for one symbol. */
public enum SignalType {
    BUY,
    SELL,
    HOLD
}
