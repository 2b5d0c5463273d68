package io.cointrader.exchange;

/**
 * Too many requests (429) or a temporary block (418); wait before calling again. An order POST that
 * fails with it was not created.
 */
public class RateLimitedException extends ExchangeException {

    public RateLimitedException(String message) {
        super(message);
    }

    public RateLimitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
