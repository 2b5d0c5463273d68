package io.cointrader.exchange;

/**
 * The account lacks the balance for this order. An order POST that fails with it was not created.
 */
public class InsufficientFundsException extends ExchangeException {

    public InsufficientFundsException(String message) {
        super(message);
    }

    public InsufficientFundsException(String message, Throwable cause) {
        super(message, cause);
    }
}
