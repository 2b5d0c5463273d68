package io.cointrader.exchange.upbit;

import io.cointrader.exchange.RateLimitedException;
import java.time.Instant;
import java.util.Objects;

/**
 * Upbit blocked this client (HTTP 418) after repeated rate-limit violations. Every call of the same
 * {@link RateGroup.Scope} (market data per IP, or the exchange API per account pocket) fails fast
 * with this exception, without touching the network, until {@link #bannedUntil()}. An order POST that
 * fails with it was not created.
 */
public class UpbitBanException extends RateLimitedException {

    private final Instant bannedUntil;

    public UpbitBanException(String message, Instant bannedUntil) {
        super(message);
        this.bannedUntil = Objects.requireNonNull(bannedUntil, "bannedUntil");
    }

    /** First instant at which calls are allowed again. */
    public Instant bannedUntil() {
        return bannedUntil;
    }
}
