package io.cointrader.exchange;

/**
 * A state-changing call failed without a clear answer (no answer, 5xx, an unreadable body): an order
 * POST that fails with it may or may not have created the order. Never retry blindly: reconcile by
 * client order id.
 */
public class OutcomeUnknownException extends ExchangeException {

    public OutcomeUnknownException(String message) {
        super(message);
    }

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
