package io.cointrader.candles;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.Optional;

/**
 * What one download did.
 *
 * @param from first open time considered: the requested start rounded up to the interval
 * @param to end of the span considered (exclusive): the requested end rounded up to the interval, but
 *     never past the open time of the candle still forming, which is left out
 * @param alreadyCached candles of {@code [from, to)} in the cache before the download
 * @param downloaded candles received and stored
 * @param requests HTTP requests sent, retries included
 * @param cached what the cache holds of {@code [from, to)} afterwards; empty when nothing
 */
public record DownloadResult(
        Symbol symbol,
        CandleInterval interval,
        Instant from,
        Instant to,
        long alreadyCached,
        long downloaded,
        int requests,
        Optional<CachedRange> cached) {}
