package io.cointrader.config;

/** TRADING_MODE. */
public enum TradingMode {
    PAPER,
    LIVE
}
