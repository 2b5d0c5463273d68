package io.cointrader.web;

import java.util.Objects;

/**
 * An HTTP error answer: the status and a one-line message for {@code {"error": "..."}}; never holds a
 * secret or a stack trace. {@code retryAfterSeconds} (when positive) becomes a {@code Retry-After}
 * header.
 */
public final class WebError extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public WebError(int status, String message) {
        this(status, message, 0);
    }

    public WebError(int status, String message, long retryAfterSeconds) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
