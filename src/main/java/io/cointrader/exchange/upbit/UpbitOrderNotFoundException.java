package io.cointrader.exchange.upbit;

import io.cointrader.exchange.OrderRejectedException;

/**
 * Upbit answered {@code order_not_found}: no order has the uuid or identifier asked for. The error
 * name decides, whatever the status (Upbit documents 404); any other 404 (a wrong base URL, say) is an
 * {@link UpbitNotFoundException} so that it is never mistaken for an absent order. A call that fails
 * with it took no effect.
 */
public class UpbitOrderNotFoundException extends OrderRejectedException {

    public UpbitOrderNotFoundException(String message) {
        super(message);
    }
}
