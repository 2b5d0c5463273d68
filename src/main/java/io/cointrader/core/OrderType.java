package io.cointrader.core;

/** Order type; market orders are refused by the risk manager unless DEFAULT_ORDER_TYPE=market. */
public enum OrderType {
    LIMIT,
    MARKET
}
