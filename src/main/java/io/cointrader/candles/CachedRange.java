package io.cointrader.candles;

import java.time.Instant;

/**
 * What the cache holds of one market and interval within a span asked about.
 *
 * @param candles how many candles
 * @param first open time of the oldest of them
 * @param last open time of the newest of them
 */
public record CachedRange(long candles, Instant first, Instant last) {}
