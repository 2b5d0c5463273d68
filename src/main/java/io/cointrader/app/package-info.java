/**
 * The composition root ({@link io.cointrader.app.SystemBuilder}, the design's {@code _build_system}),
 * the trading loop and the tick. Nothing imports this package.
 */
package io.cointrader.app;
