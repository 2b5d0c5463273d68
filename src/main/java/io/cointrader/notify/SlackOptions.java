package io.cointrader.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Slack notifier queues, paces and retries.
 *
 * @param queueCapacity alerts waiting to be sent; beyond it the oldest INFO alert is dropped
 * @param interval one message per this interval on average (Slack allows about one a second)
 * @param burst messages that may go out back to back after a quiet spell
 * @param requestTimeout per HTTP request
 * @param maxAttempts attempts per message on 5xx or I/O failures
 * @param backoff wait after the first failed attempt, doubled after each further one
 * @param maxRetryAfter cap on a {@code Retry-After} wait
 * @param maxRateLimitedRetries 429 replies tolerated for one message before it is given up
 * @param drainTimeout how long {@code close()} lets queued alerts go out
 */
public record SlackOptions(
        int queueCapacity,
        Duration interval,
        int burst,
        Duration requestTimeout,
        int maxAttempts,
        Duration backoff,
        Duration maxRetryAfter,
        int maxRateLimitedRetries,
        Duration drainTimeout) {

    public SlackOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (queueCapacity < 1 || burst < 1 || maxAttempts < 1 || maxRateLimitedRetries < 0) {
            throw new IllegalArgumentException("queueCapacity, burst and maxAttempts must be at least 1");
        }
        if (!positive(interval) || !positive(requestTimeout) || backoff.isNegative()) {
            throw new IllegalArgumentException("interval and requestTimeout must be positive");
        }
        if (maxRetryAfter.isNegative() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter and drainTimeout must not be negative");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** 100 queued, 1 message/s with a burst of 3, 10 s requests, 3 attempts, 60 s Retry-After cap, 5 s drain. */
    public static SlackOptions defaults() {
        return new SlackOptions(
                100,
                Duration.ofSeconds(1),
                3,
                Duration.ofSeconds(10),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                5,
                Duration.ofSeconds(5));
    }

    public SlackOptions withQueueCapacity(int capacity) {
        return new SlackOptions(
                capacity,
                interval,
                burst,
                requestTimeout,
                maxAttempts,
                backoff,
                maxRetryAfter,
                maxRateLimitedRetries,
                drainTimeout);
    }

    public SlackOptions withRequestTimeout(Duration timeout) {
        return new SlackOptions(
                queueCapacity,
                interval,
                burst,
                timeout,
                maxAttempts,
                backoff,
                maxRetryAfter,
                maxRateLimitedRetries,
                drainTimeout);
    }

    public SlackOptions withDrainTimeout(Duration timeout) {
        return new SlackOptions(
                queueCapacity,
                interval,
                burst,
                requestTimeout,
                maxAttempts,
                backoff,
                maxRetryAfter,
                maxRateLimitedRetries,
                timeout);
    }
}
