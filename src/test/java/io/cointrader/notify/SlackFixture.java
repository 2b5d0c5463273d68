package io.cointrader.notify;

import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A fake Slack server, a test clock and waiter, a recording fallback; closes whatever it built. */
final class SlackFixture implements AutoCloseable {

    static final String HOOK_PATH = "/services/T0000CANARY/B0000CANARY/CANARYwebhookSecret0123456789";

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T00:00:00Z"));
    final RecordingWaiter waiter = new RecordingWaiter(clock);
    final RecordingNotifier fallback = new RecordingNotifier();
    final FakeSlackServer server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<SlackNotifier> built = new ArrayList<>();

    SlackFixture() throws IOException {
        server = new FakeSlackServer(clock);
    }

    static SlackOptions options() {
        return SlackOptions.defaults().withRequestTimeout(Duration.ofSeconds(5));
    }

    /** Built but not started, so tests can fill the queue first. */
    SlackNotifier unstarted(SlackOptions options) {
        return unstarted(Secret.of(server.url(HOOK_PATH)), options);
    }

    SlackNotifier unstarted(Secret url, SlackOptions options) {
        SlackNotifier notifier = new SlackNotifier(url, fallback, options, http, clock, waiter);
        built.add(notifier);
        return notifier;
    }

    SlackNotifier started(SlackOptions options) {
        SlackNotifier notifier = unstarted(options);
        notifier.startSender();
        return notifier;
    }

    /** Waits (bounded) for something the sender thread does. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.close();
        built.forEach(SlackNotifier::close);
    }
}
