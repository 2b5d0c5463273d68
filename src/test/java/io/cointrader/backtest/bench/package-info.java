/**
 * Backtest throughput benchmarks (JMH) over bundled real 1-minute candles: the pipeline of {@code trader
 * backtest}, a bare primitive loop (the machine's ceiling) and ta4j (a framework reference) running the
 * conservative strategy, with tests that hold the baselines to the production indicators and rules and
 * all three to the same trades.
 */
package io.cointrader.backtest.bench;
