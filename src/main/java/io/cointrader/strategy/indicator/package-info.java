/**
 * Incremental technical indicators in {@code double} maths: EMA, Wilder's ATR and RSI, and a rolling
 * mean. Each folds one value in O(1), says when it has warmed up, and can evaluate a provisional value
 * (for a candle that is still forming) without committing it. Values agree with ta4j after warm-up.
 *
 * <p>Instances are not thread-safe; each is owned by one strategy on one thread.
 */
package io.cointrader.strategy.indicator;
