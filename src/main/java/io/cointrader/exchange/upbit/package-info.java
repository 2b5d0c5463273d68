/**
 * Upbit REST adapter. {@link io.cointrader.exchange.upbit.UpbitHttp} is the shared HTTP core (headers,
 * gzip, error mapping, retried reads and never-retried state-changing calls, per-group throttling and
 * the 418 ban); {@link io.cointrader.exchange.upbit.UpbitExchangeAdapter} serves the public quotation
 * endpoints on top of it, and {@link io.cointrader.exchange.upbit.UpbitPrivateClient} the exchange
 * (account and order) endpoints, signed by {@link io.cointrader.exchange.upbit.UpbitJwtSigner}.
 */
package io.cointrader.exchange.upbit;
