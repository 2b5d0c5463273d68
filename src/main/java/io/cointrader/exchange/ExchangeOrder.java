package io.cointrader.exchange;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as the exchange reports it (Upbit order object). {@code state} is Upbit's: {@code wait},
 * {@code watch}, {@code done} or {@code cancel}; decide "filled" by {@code executedVolume}, not by
 * state (a cancelled order may be partly filled). {@code trades} is filled only by single-order
 * look-ups. {@code price}, {@code volume} and {@code remainingVolume} may be null for market orders.
 */
public record ExchangeOrder(
        String uuid,
        String identifier,
        Symbol symbol,
        Side side,
        String ordType,
        BigDecimal price,
        String state,
        BigDecimal volume,
        BigDecimal remainingVolume,
        BigDecimal executedVolume,
        BigDecimal paidFee,
        Instant createdAt,
        List<Trade> trades) {

    public ExchangeOrder {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(executedVolume, "executedVolume");
        trades = trades == null ? List.of() : List.copyOf(trades);
    }

    /** One fill of the order: {@code funds} = price x volume in the quote currency. */
    public record Trade(String uuid, BigDecimal price, BigDecimal volume, BigDecimal funds, Instant createdAt) {}

    public boolean isOpen() {
        return "wait".equals(state) || "watch".equals(state);
    }
}
