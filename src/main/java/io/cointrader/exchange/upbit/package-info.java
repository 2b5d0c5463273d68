/**
 * Upbit REST adapter. {@link io.cointrader.exchange.upbit.UpbitHttp} is the shared HTTP core (headers,
 * gzip, error mapping, retries, per-group throttling and the 418 ban); {@link
 * io.cointrader.exchange.upbit.UpbitExchangeAdapter} serves the public quotation endpoints on top of it.
 */
package io.cointrader.exchange.upbit;
