package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the system wants to order, before any gate has looked at it.
 *
 * @param intentId deterministic id (see {@code IntentIds}); equal ids are the same intent
 * @param price limit price on the pair's tick grid; null only for market orders
 * @param quantity base-currency volume, at most eight decimals
 * @param emergency true only for the audited emergency close of {@code trader kill
 *     --close-positions}: a reduce-only sell that passes an active kill switch
 */
public record OrderIntent(
        String intentId,
        String strategy,
        Symbol symbol,
        Side side,
        OrderType type,
        BigDecimal price,
        BigDecimal quantity,
        String reason,
        Instant createdAt,
        boolean emergency) {

    public OrderIntent {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Money.requirePositive(quantity, "quantity");
        if (type == OrderType.LIMIT) {
            Money.requirePositive(price, "limit price");
        }
        if (quantity.scale() > Money.VOLUME_SCALE
                && quantity.stripTrailingZeros().scale() > Money.VOLUME_SCALE) {
            throw new IllegalArgumentException("quantity has more than 8 decimals: " + quantity);
        }
        if (emergency && side != Side.SELL) {
            throw new IllegalArgumentException("an emergency intent can only sell");
        }
    }

    /** Quote-currency value of the order at its limit price (or at {@code marketPrice} for market orders). */
    public BigDecimal notional(BigDecimal marketPrice) {
        return quantity.multiply(price != null ? price : marketPrice);
    }
}
