package io.cointrader.exchange;

/** A state-changing call failed without an answer; the order may or may not exist. Never retry blindly: reconcile by client order id. */
public class OutcomeUnknownException extends ExchangeException {

    public OutcomeUnknownException(String message) {
        super(message);
    }

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
