package io.cointrader.exchange;

/** The exchange refused the request as invalid; nothing was placed, do not retry unchanged. */
public class OrderRejectedException extends ExchangeException {

    public OrderRejectedException(String message) {
        super(message);
    }

    public OrderRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
