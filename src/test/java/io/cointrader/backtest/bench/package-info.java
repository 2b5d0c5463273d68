/**
 * Backtest throughput benchmarks (JMH) over bundled real 1-minute candles: a bare primitive loop (the
 * machine's ceiling) and ta4j (a framework reference) running the conservative strategy, with tests
 * that hold both to the production indicators and rules.
 */
package io.cointrader.backtest.bench;
