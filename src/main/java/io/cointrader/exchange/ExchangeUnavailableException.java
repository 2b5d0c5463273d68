package io.cointrader.exchange;

/** The exchange could not be reached or answered 5xx; a read may be retried. */
public class ExchangeUnavailableException extends ExchangeException {

    public ExchangeUnavailableException(String message) {
        super(message);
    }

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
