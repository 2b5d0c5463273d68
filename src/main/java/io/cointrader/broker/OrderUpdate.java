package io.cointrader.broker;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import java.util.List;
import java.util.Objects;

/** An order as the broker now reports it, with the fills that are new since the last report. */
public record OrderUpdate(Order order, List<Fill> fills) {

    public OrderUpdate {
        Objects.requireNonNull(order, "order");
        fills = List.copyOf(fills);
    }
}
