/**
 * The offline replay exchange ({@code EXCHANGE=replay}): real Upbit hourly history, bundled or
 * read from a directory, served through {@link io.cointrader.exchange.ExchangeAdapter} on a
 * simulated clock, with a deterministic intra-hour price path and no look-ahead.
 */
package io.cointrader.exchange.replay;
