package io.cointrader.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A failed model call, classified so the caller can tell waiting from giving up. */
public final class LlmException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** 429 rate limit: transient; {@link #retryAfter()} may say for how long. */
        RATE_LIMITED,
        /** Billing or plan exhausted (insufficient_quota, spend limit, usage_limit_reached): not retryable. */
        QUOTA_EXHAUSTED,
        /** Provider overloaded (Anthropic 529) or 5xx: transient. */
        UNAVAILABLE,
        /** 401/403 or an expired login: needs the user. */
        AUTH,
        /** 400 and other request errors: not retryable. */
        BAD_REQUEST,
        /** No answer in time, or the connection failed. */
        TIMEOUT,
        /** The answer could not be read (bad JSON, a stream that ended early). */
        MALFORMED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT;
    }
}
