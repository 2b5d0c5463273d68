/**
 * Backtesting: what a run over historical candles produced ({@link io.cointrader.backtest.BacktestResult})
 * and what is made of it: performance metrics next to buy-and-hold, the trade list, the fill
 * fingerprint and the HTML report. The run itself drives the same strategy, risk manager, execution
 * engine and paper broker as the trading loop (see {@code io.cointrader.app}).
 */
package io.cointrader.backtest;
