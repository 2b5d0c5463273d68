package io.cointrader.web.view;

import io.cointrader.core.Order;
import io.cointrader.core.Symbol;
import java.time.Instant;

/** One order as the dashboard shows it; {@code price} is null for a market order. */
public record OrderView(
        String clientOrderId,
        String exchangeOrderId,
        Symbol symbol,
        String side,
        String type,
        String price,
        String quantity,
        String filledQuantity,
        String status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    static OrderView of(Order o) {
        return new OrderView(
                o.clientOrderId(),
                o.exchangeOrderId(),
                o.symbol(),
                o.side().name(),
                o.type().name(),
                Decimals.plain(o.price()),
                Decimals.plain(o.quantity()),
                Decimals.plain(o.filledQuantity()),
                o.status().name(),
                o.statusReason(),
                o.createdAt(),
                o.updatedAt());
    }
}
