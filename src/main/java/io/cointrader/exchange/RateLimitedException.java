package io.cointrader.exchange;

/** Too many requests (429) or a temporary ban (418); wait before calling again. */
public class RateLimitedException extends ExchangeException {

    public RateLimitedException(String message) {
        super(message);
    }

    public RateLimitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
