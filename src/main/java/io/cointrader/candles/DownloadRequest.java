package io.cointrader.candles;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * Candles to download: those of {@code symbol} and {@code interval} whose open time lies in {@code
 * [from, to)}.
 */
public record DownloadRequest(Symbol symbol, CandleInterval interval, Instant from, Instant to) {

    public DownloadRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (symbol.isDerivative()) {
            throw new IllegalArgumentException("Upbit has no candles of derivative contracts such as " + symbol);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }
}
