package io.cointrader.exchange;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Order book snapshot; {@code levels} index 0 is the best bid/ask pair. */
public record OrderBook(Symbol symbol, List<Level> levels, Instant timestamp) {

    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timestamp, "timestamp");
        levels = List.copyOf(levels);
    }

    /** One level: best-first ask and bid with their sizes (base currency). */
    public record Level(BigDecimal askPrice, BigDecimal askSize, BigDecimal bidPrice, BigDecimal bidSize) {}

    public BigDecimal bestBid() {
        return levels.isEmpty() ? null : levels.get(0).bidPrice();
    }

    public BigDecimal bestAsk() {
        return levels.isEmpty() ? null : levels.get(0).askPrice();
    }
}
