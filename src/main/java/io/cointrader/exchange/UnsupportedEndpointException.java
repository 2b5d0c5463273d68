package io.cointrader.exchange;

/**
 * The exchange, or a server standing in for it, does not serve the endpoint a call needs (an older
 * Upbit simulator without {@code GET /v1/orders/closed}, say). Asking again will not help: the caller
 * must do without the answer, e.g. by looking orders up one by one. It is an {@link
 * ExchangeUnavailableException} so that code which only knows "could not read" stays on the safe side.
 */
public class UnsupportedEndpointException extends ExchangeUnavailableException {

    public UnsupportedEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
