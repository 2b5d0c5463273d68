package io.cointrader.exchange.upbit;

import io.cointrader.exchange.OrderRejectedException;

/**
 * Upbit answered 404 {@code order_not_found}: no order has the uuid or identifier asked for. Only this
 * exact answer means "no such order"; any other 404 (a wrong base URL, say) is an {@link
 * UpbitNotFoundException} so that it is never mistaken for an absent order.
 */
public class UpbitOrderNotFoundException extends OrderRejectedException {

    public UpbitOrderNotFoundException(String message) {
        super(message);
    }
}
