/**
 * Domain values shared by every other package: symbols, candles, market data, signals, intents,
 * orders, fills, positions, balances, risk decisions and safety events. JDK only, no I/O.
 *
 * <p>Money (prices, quantities, balances, fees) is {@link java.math.BigDecimal}; time is {@link
 * java.time.Instant} (UTC).
 */
package io.cointrader.core;
