package io.cointrader.exchange;

/**
 * The exchange could not be reached, answered 5xx or sent a body that cannot be read; a read may be
 * retried. A state-changing call never ends with it: such a call throws {@link
 * OutcomeUnknownException} instead, because it may have taken effect.
 */
public class ExchangeUnavailableException extends ExchangeException {

    public ExchangeUnavailableException(String message) {
        super(message);
    }

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
