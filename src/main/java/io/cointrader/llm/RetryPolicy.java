package io.cointrader.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a model call after a transient failure (rate limit, overload, timeout), the way the
 * providers' own SDKs do: a server-given delay when there is one, else exponential back-off, every
 * wait capped, and the whole call bounded by a deadline. Quota, auth, request and reply errors are
 * thrown at once: waiting does not fix them.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxTotal;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param maxRetries retries after the first attempt
     * @param baseDelay the first back-off; the n-th retry waits {@code baseDelay * 2^(n-1)}
     * @param maxDelay cap on every wait, the server's retry-after included
     * @param maxTotal no retry is started whose wait would end after this much time from the first
     *     attempt
     */
    public RetryPolicy(
            int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxTotal, Sleeper sleeper, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = maxRetries;
        this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        this.maxTotal = Objects.requireNonNull(maxTotal, "maxTotal");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Two retries, 0.5 s then 1 s back-off, waits capped at 8 s, all within {@code maxTotal}. */
    public static RetryPolicy standard(Duration maxTotal, Sleeper sleeper, Clock clock) {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), maxTotal, sleeper, clock);
    }

    /**
     * Calls the client, retrying transient failures.
     *
     * @throws LlmException the first permanent failure, or the last transient one once retries, the
     *     deadline or the thread's interruption end the attempts
     */
    public LlmReply call(LlmClient client, LlmRequest request) {
        Instant deadline = clock.instant().plus(maxTotal);
        for (int retry = 1; ; retry++) {
            try {
                return client.complete(request);
            } catch (LlmException e) {
                if (!e.transientFailure() || retry > maxRetries) {
                    throw e;
                }
                Duration wait = delay(e, retry);
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw e;
                }
                LOG.debug(
                        "{} {}; retry {} of {} in {} ms",
                        client.describe(),
                        e.kind(),
                        retry,
                        maxRetries,
                        wait.toMillis());
                pause(wait, e);
            }
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    Duration delay(LlmException failure, int retry) {
        Duration wanted = failure.retryAfter()
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElseGet(() -> baseDelay.multipliedBy(1L << Math.min(retry - 1, 20)));
        return wanted.compareTo(maxDelay) > 0 ? maxDelay : wanted;
    }

    private void pause(Duration wait, LlmException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
