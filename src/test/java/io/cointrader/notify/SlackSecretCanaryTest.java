package io.cointrader.notify;

import static io.cointrader.notify.FakeSlackServer.Reply.rateLimited;
import static io.cointrader.notify.FakeSlackServer.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cointrader.core.Secret;
import io.cointrader.core.Severity;
import io.cointrader.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook URL is the credential: no log line, exception or description may carry it. */
class SlackSecretCanaryTest {

    private static final String CANARY = "CANARY";

    private LogCapture logs;
    private SlackFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new SlackFixture();
        logs = LogCapture.of("io.cointrader.notify", Level.TRACE);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        logs.close();
    }

    @Test
    void noLogLineExceptionOrDescriptionCarriesTheWebhookUrl() throws Exception {
        String echo = "bad hook " + SlackFixture.HOOK_PATH;
        fx.server.replies(
                status(400, echo),
                status(500, echo),
                status(502, echo),
                status(500, echo),
                rateLimited("x"),
                status(200, echo),
                status(404, echo));
        SlackNotifier notifier = fx.started(SlackFixture.options());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notifier.send(Severity.CRITICAL, "alert " + i, "x");
        }
        texts.add(notifier.sendTest().describe());
        notifier.close();
        texts.add(notifier.toString());
        texts.addAll(unreachable());
        Throwable invalid = catchThrowable(() ->
                fx.unstarted(Secret.of("http://hooks slack.com/services/" + CANARY + "x"), SlackFixture.options()));
        Throwable notHttp = catchThrowable(
                () -> fx.unstarted(Secret.of("ftp://hooks.slack.com/services/" + CANARY), SlackFixture.options()));

        assertThat(fx.server.received()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(notifier.isDisabled()).isTrue();
        assertThat(invalid).isInstanceOf(IllegalArgumentException.class).hasNoCause();
        assertThat(notHttp).isInstanceOf(IllegalArgumentException.class);
        texts.add(invalid.getMessage());
        texts.add(notHttp.getMessage());
        texts.addAll(logs.texts());
        assertThat(logs.events()).extracting(ILoggingEvent::getLevel).contains(Level.WARN, Level.ERROR);
        assertThat(texts).allSatisfy(text -> assertThat(String.valueOf(text)).doesNotContain(CANARY));
        assertThat(fx.fallback.sent()).allSatisfy(s -> assertThat(s.text()).doesNotContain(CANARY));
    }

    /** Connection refused: the I/O failure path, queued and as a self-test. */
    private List<String> unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SlackNotifier notifier =
                fx.unstarted(Secret.of("http://127.0.0.1:" + port + SlackFixture.HOOK_PATH), SlackFixture.options());
        notifier.send(Severity.HIGH, "nobody listens", "x");
        notifier.startSender();
        SlackCheck check = notifier.sendTest();
        notifier.close();
        return List.of(check.describe(), check.exceptionClass(), notifier.toString());
    }
}
