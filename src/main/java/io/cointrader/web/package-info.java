/**
 * The dashboard ({@code trader web}): an embedded HTTP server with the JSON API and the Korean page,
 * reading the same database the trading loop writes. Control actions go through {@link
 * io.cointrader.web.TradingControl} and the kill switch; nothing here places an order.
 */
package io.cointrader.web;
