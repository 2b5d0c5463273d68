package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as placed with a broker. {@code clientOrderId} is ours (Upbit {@code identifier}); {@code
 * exchangeOrderId} is the broker's (Upbit {@code uuid}), null until known.
 */
public record Order(
        String clientOrderId,
        String exchangeOrderId,
        String intentId,
        Symbol symbol,
        Side side,
        OrderType type,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal filledQuantity,
        OrderStatus status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Money.requirePositive(quantity, "quantity");
        Money.requireNonNegative(filledQuantity, "filledQuantity");
        if (filledQuantity.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("filled " + filledQuantity + " exceeds quantity " + quantity);
        }
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }

    public Order withFill(BigDecimal newFilledQuantity, OrderStatus newStatus, Instant at) {
        return new Order(
                clientOrderId,
                exchangeOrderId,
                intentId,
                symbol,
                side,
                type,
                price,
                quantity,
                newFilledQuantity,
                newStatus,
                statusReason,
                createdAt,
                at);
    }

    public Order withIntentId(String newIntentId) {
        return new Order(
                clientOrderId,
                exchangeOrderId,
                newIntentId,
                symbol,
                side,
                type,
                price,
                quantity,
                filledQuantity,
                status,
                statusReason,
                createdAt,
                updatedAt);
    }

    public Order withStatus(OrderStatus newStatus, String reason, Instant at) {
        return new Order(
                clientOrderId,
                exchangeOrderId,
                intentId,
                symbol,
                side,
                type,
                price,
                quantity,
                filledQuantity,
                newStatus,
                reason,
                createdAt,
                at);
    }
}
