package io.cointrader.notify;

import static io.cointrader.notify.FakeSlackServer.Reply.hang;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Severity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pacing, overflow, a caller that is never held up, and shutdown. */
class SlackNotifierQueueTest {

    private SlackFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new SlackFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void sendsABurstOfThreeThenOneMessagePerSecond() throws Exception {
        SlackNotifier notifier = fx.unstarted(SlackFixture.options());
        for (int i = 1; i <= 6; i++) {
            notifier.send(Severity.HIGH, "alert " + i, "x");
        }

        notifier.startSender();
        notifier.close();

        List<FakeSlackServer.Received> received = fx.server.received();
        assertThat(received).hasSize(6);
        assertThat(received)
                .extracting(r -> r.at().getEpochSecond() - received.get(0).at().getEpochSecond())
                .containsExactly(0L, 0L, 0L, 1L, 2L, 3L);
        assertThat(fx.waiter.waits())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(received.get(5).body()).contains("alert 6");
    }

    @Test
    void aFullQueueDropsTheOldestInfoAlertsAndTheNextMessageSaysHowMany() throws Exception {
        SlackNotifier notifier = fx.unstarted(SlackFixture.options().withQueueCapacity(3));
        notifier.send(Severity.INFO, "info 1", "x");
        notifier.send(Severity.CRITICAL, "critical 1", "x");
        notifier.send(Severity.INFO, "info 2", "x");
        notifier.send(Severity.HIGH, "high 1", "x");
        notifier.send(Severity.INFO, "info 3", "x");

        notifier.startSender();
        notifier.close();

        List<FakeSlackServer.Received> received = fx.server.received();
        assertThat(received).hasSize(3);
        assertThat(received.get(0).body()).contains("critical 1").contains("2 alerts were dropped");
        assertThat(received.get(1).body()).contains("high 1").doesNotContain("dropped");
        assertThat(received.get(2).body()).contains("info 3");
        assertThat(notifier.droppedCount()).isEqualTo(2);
        assertThat(fx.fallback.titles()).containsExactly("info 1", "critical 1", "info 2", "high 1", "info 3");
    }

    @Test
    void sendReturnsAtOnceWhileSlackNeverAnswers() throws Exception {
        fx.server.otherwise(hang());
        SlackNotifier notifier = fx.started(SlackFixture.options()
                .withRequestTimeout(Duration.ofSeconds(60))
                .withDrainTimeout(Duration.ofMillis(100)));
        notifier.send(Severity.CRITICAL, "stuck", "x");
        fx.server.awaitRequests(1);

        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            notifier.send(Severity.HIGH, "while stuck " + i, "x");
        }
        long sendMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long closeStart = System.nanoTime();
        notifier.close();
        long closeMillis = Duration.ofNanos(System.nanoTime() - closeStart).toMillis();

        assertThat(sendMillis).isLessThan(1_000);
        assertThat(closeMillis).isLessThan(3_000);
        assertThat(fx.server.received()).hasSize(1);
        assertThat(fx.fallback.sent()).hasSize(501);
    }

    @Test
    void closeDeliversWhatIsQueuedAndThenOnlyTheFallbackHearsOfNewAlerts() throws Exception {
        SlackNotifier notifier = fx.started(SlackFixture.options());
        for (int i = 1; i <= 5; i++) {
            notifier.send(Severity.HIGH, "queued " + i, "x");
        }

        notifier.close();
        notifier.send(Severity.CRITICAL, "after close", "x");

        assertThat(fx.server.received()).hasSize(5);
        assertThat(fx.server.received().get(4).body()).contains("queued 5");
        assertThat(fx.fallback.titles()).hasSize(6).endsWith("after close");
    }
}
