package io.cointrader.exchange.upbit;

import io.cointrader.exchange.OrderRejectedException;

/**
 * Upbit answered 404 with anything but {@code order_not_found}: the path itself is unknown to the
 * server (a wrong base URL, or a server that lacks the endpoint). It stays an {@link
 * OrderRejectedException}, as every other 4xx, so that it is never mistaken for an absent order.
 */
public class UpbitNotFoundException extends OrderRejectedException {

    public UpbitNotFoundException(String message) {
        super(message);
    }
}
