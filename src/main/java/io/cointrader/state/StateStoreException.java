package io.cointrader.state;

/** The store could not read or write. Messages name the operation, never row contents. */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
