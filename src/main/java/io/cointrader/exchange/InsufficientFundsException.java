package io.cointrader.exchange;

/** The account lacks the balance for this order; nothing was placed. */
public class InsufficientFundsException extends ExchangeException {

    public InsufficientFundsException(String message) {
        super(message);
    }

    public InsufficientFundsException(String message, Throwable cause) {
        super(message, cause);
    }
}
