package io.cointrader.notify;

import static io.cointrader.notify.FakeSlackServer.Reply.ok;
import static io.cointrader.notify.FakeSlackServer.Reply.rateLimited;
import static io.cointrader.notify.FakeSlackServer.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import io.cointrader.core.Severity;
import io.cointrader.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What reaches Slack and what happens on each kind of reply. */
class SlackNotifierTest {

    private LogCapture logs;
    private SlackFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new SlackFixture();
        logs = LogCapture.of("io.cointrader.notify");
    }

    @AfterEach
    void tearDown() {
        fx.close();
        logs.close();
    }

    @Test
    void deliversAlertAsJsonWithSeverityTagTitleAndBlocks() throws Exception {
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.CRITICAL, "Kill switch on", "API failures reached 5");
        notifier.close();

        List<FakeSlackServer.Received> received = fx.server.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path()).isEqualTo(SlackFixture.HOOK_PATH);
        assertThat(received.get(0).contentType()).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(received.get(0).body());
        assertThat(body.get("text").asText())
                .isEqualTo(":rotating_light: CRITICAL Kill switch on: API failures reached 5");
        assertThat(body.get("blocks"))
                .extracting(b -> b.get("type").asText())
                .containsExactly("header", "section", "context");
        assertThat(body.at("/blocks/0/text/text").asText()).isEqualTo("Kill switch on");
        assertThat(body.at("/blocks/1/text/text").asText()).isEqualTo("API failures reached 5");
        assertThat(body.at("/blocks/2/elements/0/text").asText())
                .contains("CRITICAL")
                .contains("2025-03-01 09:00:00 KST");
        assertThat(fx.fallback.titles()).containsExactly("Kill switch on");
    }

    @Test
    void dropsAMessageSlackCallsInvalidAndStillDeliversTheOthers() throws Exception {
        fx.server.replies(status(400, "invalid_payload"));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.HIGH, "first", "a");
        notifier.send(Severity.HIGH, "second", "b");
        notifier.close();

        assertThat(fx.server.received()).hasSize(2);
        assertThat(fx.server.received().get(1).body()).contains("second");
        assertThat(messages(Level.WARN)).anySatisfy(m -> assertThat(m).contains("HTTP 400 invalid_payload"));
        assertThat(notifier.isDisabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"403, invalid_token", "404, no_service", "410, channel_is_archived"})
    void aRevokedOrRemovedWebhookSwitchesSlackOffAndLaterAlertsGoOnlyToTheFallback(int code, String error)
            throws Exception {
        fx.server.replies(status(code, error));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.HIGH, "first", "a");
        // the notice follows the switch-off on the sender thread: wait for both
        SlackFixture.eventually(
                () -> notifier.isDisabled() && fx.fallback.titles().contains("Slack alerts are off"));
        notifier.send(Severity.CRITICAL, "second", "b");
        notifier.send(Severity.INFO, "third", "c");
        notifier.close();

        assertThat(fx.server.received()).hasSize(1);
        assertThat(fx.fallback.titles()).containsExactly("first", "Slack alerts are off", "second", "third");
        assertThat(messages(Level.ERROR)).singleElement().satisfies(m -> assertThat(m)
                .contains("rejected")
                .contains("HTTP " + code + " " + error)
                .contains("127.0.0.1"));
    }

    @Test
    void waitsRetryAfterSecondsThenDeliversTheSameMessage() throws Exception {
        fx.server.replies(rateLimited("2"));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.HIGH, "slow down", "x");
        notifier.close();

        List<FakeSlackServer.Received> received = fx.server.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(fx.waiter.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rateLimitWithoutRetryAfterWaitsOneSecondAndHugeValuesAreCapped() throws Exception {
        fx.server.replies(rateLimited(null), rateLimited("3600"));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.HIGH, "slow down", "x");
        notifier.close();

        assertThat(fx.server.received()).hasSize(3);
        assertThat(fx.waiter.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Test
    void retriesServerErrorsWithBackoffThenGivesUpAndMovesOn() throws Exception {
        fx.server.replies(status(500, "rollup_error"), status(503, ""), status(500, "rollup_error"));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        notifier.send(Severity.HIGH, "doomed", "a");
        notifier.send(Severity.HIGH, "fine", "b");
        notifier.close();

        List<FakeSlackServer.Received> received = fx.server.received();
        assertThat(received).hasSize(4);
        assertThat(received.subList(0, 3)).allSatisfy(r -> assertThat(r.body()).contains("doomed"));
        assertThat(received.get(3).body()).contains("fine");
        assertThat(fx.waiter.waits()).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(messages(Level.WARN))
                .anySatisfy(m -> assertThat(m).contains("after 3 attempts").contains("HTTP 500 rollup_error"));
    }

    @Test
    void sendTestReportsDeliveryAndRejectionWithoutThrowing() throws Exception {
        fx.server.replies(ok(), status(404, "no_service"));
        SlackNotifier notifier = fx.started(SlackFixture.options());

        assertThat(notifier.sendTest()).isEqualTo(new SlackCheck(true, 200, "", ""));
        assertThat(notifier.sendTest()).isEqualTo(new SlackCheck(false, 404, "no_service", ""));
        assertThat(fx.server.received().get(0).body()).contains(":information_source: INFO");
        assertThat(fx.fallback.sent()).isEmpty();
    }

    @Test
    void sendTestReportsTheExceptionClassWhenNobodyListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SlackNotifier notifier =
                fx.unstarted(Secret.of("http://127.0.0.1:" + port + SlackFixture.HOOK_PATH), SlackFixture.options());

        SlackCheck check = notifier.sendTest();

        assertThat(check.ok()).isFalse();
        assertThat(check.httpStatus()).isZero();
        assertThat(check.exceptionClass()).isEqualTo("ConnectException");
        assertThat(check.describe()).doesNotContain("CANARY");
    }

    private List<String> messages(Level level) {
        return logs.events(level).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
