package io.cointrader.web.view;

import java.util.List;

/** {@code GET /api/orders/open}. */
public record OpenOrdersView(List<OrderView> orders) {

    public OpenOrdersView {
        orders = List.copyOf(orders);
    }
}
