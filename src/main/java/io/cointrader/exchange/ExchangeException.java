package io.cointrader.exchange;

/**
 * Base of the exchange failures. Messages never contain secrets (keys, tokens, signed headers).
 * Subclasses say what the caller may do next.
 */
public class ExchangeException extends RuntimeException {

    public ExchangeException(String message) {
        super(message);
    }

    public ExchangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
