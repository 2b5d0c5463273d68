package io.cointrader.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
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
        /** No answer in time, or the connection broke during the exchange: transient. */
        TIMEOUT,
        /** No connection: refused, or the host is unknown. Transient: the server may be restarting. */
        UNREACHABLE,
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

    /**
     * A failed HTTP exchange with {@code target}: {@link Kind#UNREACHABLE} when no connection was made
     * (refused, or the host is unknown), else {@link Kind#TIMEOUT} (the connection broke). A timeout
     * proper ({@code HttpTimeoutException}) is the caller's to report.
     *
     * @param who names the other side in the message, e.g. "openai" or "the Codex backend"
     */
    public static LlmException transport(String who, URI target, IOException failure) {
        String where = target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new LlmException(Kind.UNREACHABLE, who + ": unknown host " + target.getHost(), null, failure);
            }
        }
        if (failure instanceof ConnectException) {
            return new LlmException(Kind.UNREACHABLE, who + ": connection refused by " + where, null, failure);
        }
        return new LlmException(
                Kind.TIMEOUT, who + ": connection failed (" + failure.getClass().getSimpleName() + ")", null, failure);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED
                || kind == Kind.UNAVAILABLE
                || kind == Kind.TIMEOUT
                || kind == Kind.UNREACHABLE;
    }
}
