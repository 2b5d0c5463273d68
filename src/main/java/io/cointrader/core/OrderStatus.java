package io.cointrader.core;

/** Life cycle of an order as the exchange (or the paper broker) reports it. */
public enum OrderStatus {
    /** Accepted and resting on the book, nothing filled yet. */
    OPEN,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED;

    /** True while the order can still fill. */
    public boolean isOpen() {
        return this == OPEN || this == PARTIALLY_FILLED;
    }
}
