package io.cointrader.core;

/** Order side. Upbit calls BUY {@code bid} and SELL {@code ask}. */
public enum Side {
    BUY,
    SELL;

    public String upbitName() {
        return this == BUY ? "bid" : "ask";
    }
}
