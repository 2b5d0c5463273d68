package io.cointrader.notify;

import io.cointrader.core.Secret;
import io.cointrader.core.Severity;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to a Slack incoming webhook without ever holding up the caller.
 *
 * <p>{@link #send} hands every alert to the fallback notifier (the log) and puts it on a bounded
 * queue (see {@link AlertQueue} for what is dropped when it is full); one daemon thread paces the
 * queue at about one message a second and posts it. Only HTTP 200 with body {@code ok} counts as
 * delivered. 429 waits {@code Retry-After} and retries; 5xx and I/O failures are retried with
 * back-off a few times; other 4xx drop the message; 403, 404 and 410 mean the webhook is gone, so
 * Slack delivery is switched off for good and one ERROR line says so. The webhook URL is the
 * credential: it never appears in a log line, an exception or {@link #toString()}; only its host
 * does.
 */
public final class SlackNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final SlackWebhook webhook;
    private final Notifier fallback;
    private final SlackOptions options;
    private final Clock clock;
    private final Waiter waiter;
    private final AlertQueue queue;
    private final TokenBucket bucket;
    private final SlackPayload payload = new SlackPayload();
    private final AtomicBoolean disabled = new AtomicBoolean();
    private final Thread sender;

    /** Builds the notifier without starting its sender thread; {@link #start(Secret, Notifier, SlackOptions, HttpClient, Clock, Waiter)} does both. */
    SlackNotifier(
            Secret webhookUrl, Notifier fallback, SlackOptions options, HttpClient http, Clock clock, Waiter waiter) {
        this.webhook = new SlackWebhook(webhookUrl, http, options.requestTimeout());
        this.fallback = fallback;
        this.options = options;
        this.clock = clock;
        this.waiter = waiter;
        this.queue = new AlertQueue(options.queueCapacity());
        this.bucket = new TokenBucket(clock, options.interval(), options.burst());
        this.sender = new Thread(this::run, "slack-notifier");
        this.sender.setDaemon(true);
    }

    /** A running notifier with the default options, a fresh HTTP client and real waiting. */
    public static SlackNotifier start(Secret webhookUrl, Notifier fallback, Clock clock) {
        SlackOptions options = SlackOptions.defaults();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(options.requestTimeout()).build();
        return start(webhookUrl, fallback, options, http, clock, Waiter.THREAD);
    }

    /**
     * A running notifier.
     *
     * @throws IllegalArgumentException if the URL is not an http(s) URL; the message does not quote it
     */
    public static SlackNotifier start(
            Secret webhookUrl, Notifier fallback, SlackOptions options, HttpClient http, Clock clock, Waiter waiter) {
        SlackNotifier notifier = new SlackNotifier(webhookUrl, fallback, options, http, clock, waiter);
        notifier.startSender();
        return notifier;
    }

    void startSender() {
        sender.start();
    }

    @Override
    public void send(Severity severity, String title, String text) {
        try {
            fallback.send(severity, title, text);
        } catch (RuntimeException failure) {
            LOG.warn("The fallback notifier failed ({})", failure.getClass().getSimpleName());
        }
        if (disabled.get()) {
            return;
        }
        try {
            queue.offer(new Alert(severity, title, text, clock.instant()));
        } catch (RuntimeException failure) {
            LOG.warn(
                    "An alert could not be queued for Slack ({})",
                    failure.getClass().getSimpleName());
        }
    }

    /**
     * Sends one INFO message now, on the calling thread, outside the queue and the pacing; never
     * throws. For {@code trader selftest --notify}.
     */
    public SlackCheck sendTest() {
        try {
            Alert alert = new Alert(
                    Severity.INFO,
                    "coin-trader test message",
                    "Slack alerts from coin-trader reach this channel.",
                    clock.instant());
            return webhook.check(payload.render(alert, 0));
        } catch (RuntimeException failure) {
            return SlackCheck.failed(failure);
        }
    }

    /** True once Slack rejected the webhook for good; alerts then go to the fallback only. */
    public boolean isDisabled() {
        return disabled.get();
    }

    /** Alerts that never reached Slack because the queue was full or Slack was switched off. */
    public long droppedCount() {
        return queue.droppedTotal();
    }

    /** Stops accepting alerts, lets the queued ones go out for up to the drain timeout, then stops. */
    @Override
    public void close() {
        queue.close();
        try {
            sender.join(Math.max(1, options.drainTimeout().toMillis()));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException interrupted) {
            sender.interrupt();
            Thread.currentThread().interrupt();
        }
        int left = queue.clear();
        if (left > 0) {
            LOG.warn(
                    "{} alerts were not sent to Slack at {} before shutdown; they are in the log",
                    left,
                    webhook.host());
        }
    }

    private void run() {
        try {
            AlertQueue.Taken taken;
            while ((taken = queue.take()) != null) {
                if (!disabled.get()) {
                    deliverSafely(taken);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverSafely(AlertQueue.Taken taken) throws InterruptedException {
        try {
            pace();
            deliver(payload.render(taken.alert(), taken.droppedBefore()));
        } catch (RuntimeException unexpected) {
            LOG.warn(
                    "An alert could not be sent to Slack at {} ({}); it is in the log",
                    webhook.host(),
                    unexpected.getClass().getSimpleName());
        }
    }

    private void pace() throws InterruptedException {
        while (!bucket.tryTake()) {
            waiter.await(bucket.timeUntilToken());
        }
    }

    private void deliver(String json) throws InterruptedException {
        int failures = 0;
        int rateLimited = 0;
        while (true) {
            SlackReply reply;
            try {
                reply = webhook.post(json);
            } catch (IOException failure) {
                failures++;
                if (!backOff(failures, failure.getClass().getSimpleName())) {
                    return;
                }
                continue;
            }
            switch (reply.verdict()) {
                case DELIVERED -> {
                    return;
                }
                case RATE_LIMITED -> {
                    rateLimited++;
                    if (!waitOutRateLimit(rateLimited, reply)) {
                        return;
                    }
                }
                case TRANSIENT -> {
                    failures++;
                    if (!backOff(failures, reply.describe())) {
                        return;
                    }
                }
                case REJECTED -> {
                    LOG.warn(
                            "Slack at {} refused an alert ({}); it was dropped, it is in the log",
                            webhook.host(),
                            reply.describe());
                    return;
                }
                case PERMANENT -> {
                    disable(reply);
                    return;
                }
            }
        }
    }

    /** Waits before the next attempt; false (and a WARN) when the attempts are used up. */
    private boolean backOff(int failures, String why) throws InterruptedException {
        if (failures >= options.maxAttempts()) {
            LOG.warn(
                    "Gave up sending an alert to Slack at {} after {} attempts ({}); it is in the log",
                    webhook.host(),
                    failures,
                    why);
            return false;
        }
        waiter.await(options.backoff().multipliedBy(1L << Math.min(failures - 1, 16)));
        return true;
    }

    private boolean waitOutRateLimit(int rateLimited, SlackReply reply) throws InterruptedException {
        if (rateLimited > options.maxRateLimitedRetries()) {
            LOG.warn(
                    "Gave up sending an alert to Slack at {}: still rate limited after {} waits; it is in the log",
                    webhook.host(),
                    options.maxRateLimitedRetries());
            return false;
        }
        Duration wait = reply.retryAfter().orElse(Duration.ofSeconds(1));
        waiter.await(wait.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : wait);
        return true;
    }

    private void disable(SlackReply reply) {
        if (!disabled.compareAndSet(false, true)) {
            return;
        }
        int discarded = queue.clear();
        LOG.error(
                "The Slack webhook at {} was rejected ({}); Slack alerts are off until it is replaced, alerts go to the log only",
                webhook.host(),
                reply.describe());
        try {
            fallback.send(
                    Severity.HIGH,
                    "Slack alerts are off",
                    "The Slack webhook was rejected (" + reply.describe() + "); " + (discarded + 1)
                            + " queued alert(s) were not sent there. Alerts go to the log only.");
        } catch (RuntimeException failure) {
            LOG.warn("The fallback notifier failed ({})", failure.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SlackNotifier[" + webhook.host() + (disabled.get() ? ", disabled" : "") + "]";
    }
}
