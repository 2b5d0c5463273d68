package io.cointrader.exchange;

/**
 * The exchange refused the request as invalid (parameters, price grid, minimum total, a used
 * identifier). An order POST that fails with it was not created; do not retry it unchanged.
 */
public class OrderRejectedException extends ExchangeException {

    public OrderRejectedException(String message) {
        super(message);
    }

    public OrderRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
