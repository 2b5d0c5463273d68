package io.cointrader.execution;

import io.cointrader.core.Order;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cancel came to. {@code order} is the order as recorded after the attempt (cancelled, filled
 * before the cancel arrived, or still open while the exchange carries the cancel out); empty when the
 * order could not be read at all, in which case it stays open in the database and is tried again.
 */
public record CancelResult(String clientOrderId, Optional<Order> order, String detail) {

    public CancelResult {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether the order can no longer fill: cancelled, filled or rejected. */
    public boolean finished() {
        return order.map(o -> !o.status().isOpen()).orElse(false);
    }
}
