package io.cointrader.exchange.upbit;

import io.cointrader.exchange.RateLimitedException;
import java.time.Instant;
import java.util.Objects;

/**
 * Upbit blocked this client (HTTP 418) after repeated rate-limit violations. Every call fails fast
 * with this exception, without touching the network, until {@link #bannedUntil()}.
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
