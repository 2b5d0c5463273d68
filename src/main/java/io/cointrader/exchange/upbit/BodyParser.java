package io.cointrader.exchange.upbit;

/**
 * Turns a successful (2xx) response body into a value. Implementations throw only {@link
 * io.cointrader.exchange.ExchangeException}s; a malformed body is an {@link
 * io.cointrader.exchange.ExchangeUnavailableException}, so reads retry it like a network fault.
 */
@FunctionalInterface
public interface BodyParser<T> {
    T parse(byte[] body);
}
