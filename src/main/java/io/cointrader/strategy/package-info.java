/**
 * Trading strategies: the {@link io.cointrader.strategy.Strategy} port and {@link
 * io.cointrader.strategy.ConservativeStrategy} (EMA trend, ATR volatility, RSI and volume filters).
 * Pure computation on candles and a ticker: no I/O, no clock. The same code serves the live loop and
 * the backtest.
 */
package io.cointrader.strategy;
