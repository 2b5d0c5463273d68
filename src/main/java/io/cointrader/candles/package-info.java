/**
 * Historical candles: download from Upbit within its rate limits ({@link
 * io.cointrader.candles.CandleDownloader}), a resumable local SQLite cache ({@link
 * io.cointrader.candles.CandleCache}) and the console {@link io.cointrader.candles.ProgressBar}.
 */
package io.cointrader.candles;
