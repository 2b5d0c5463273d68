package io.cointrader.exchange;

/** Credentials were refused (bad key, signature, IP allow-list or permission). */
public class AuthFailedException extends ExchangeException {

    public AuthFailedException(String message) {
        super(message);
    }

    public AuthFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
