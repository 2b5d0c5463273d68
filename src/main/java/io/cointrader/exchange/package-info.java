/**
 * The exchange port ({@link io.cointrader.exchange.ExchangeAdapter}), its exception hierarchy, and
 * the pair trading rules (tick size, minimum order). Implementations: {@code exchange.upbit} (REST)
 * and {@code exchange.replay} (bundled history on a simulated clock).
 */
package io.cointrader.exchange;
