package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A ticker snapshot for one symbol. {@code price} is the last trade price; {@code open}, {@code high},
 * {@code low} and {@code volume} are the trading day's (Upbit's day starts 00:00 UTC); {@code
 * prevClose} is the previous day's close. {@code bid} and {@code ask} are the best quotes and may be
 * null when the source has none.
 */
public record MarketData(
        Symbol symbol,
        BigDecimal price,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal volume,
        BigDecimal prevClose,
        BigDecimal bid,
        BigDecimal ask,
        Instant timestamp) {

    public MarketData {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean hasQuotes() {
        return bid != null && ask != null && bid.signum() > 0 && ask.signum() > 0;
    }
}
