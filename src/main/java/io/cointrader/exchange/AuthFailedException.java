package io.cointrader.exchange;

/**
 * Credentials were refused: an expired, wrong or unknown key, a bad signature or nonce, a caller IP
 * outside the key's allow-list, or a key without the permission the call needs. An order POST that
 * fails with it was not created.
 */
public class AuthFailedException extends ExchangeException {

    public AuthFailedException(String message) {
        super(message);
    }

    public AuthFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
