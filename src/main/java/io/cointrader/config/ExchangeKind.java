package io.cointrader.config;

/** EXCHANGE: the real Upbit REST API, or the offline replay of bundled history. */
public enum ExchangeKind {
    UPBIT,
    REPLAY
}
