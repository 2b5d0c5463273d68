package io.cointrader.web.view;

import java.util.List;

/** {@code GET /api/orders}: one page of orders, newest first, and how many there are in all. */
public record OrdersPage(long total, int limit, int offset, List<OrderView> orders) {

    public OrdersPage {
        orders = List.copyOf(orders);
    }
}
