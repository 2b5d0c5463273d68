package io.cointrader.llm;

import static io.cointrader.llm.FakeLlmServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cointrader.core.Secret;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The advisor against a model server on loopback that hangs, answers garbage, refuses, and recovers. */
class LlmAdvisorOverHttpTest {

    private final FakeLlmServer server = new FakeLlmServer();
    private final MutableClock wall = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private Instant tradingTime = Instant.parse("2025-10-21T09:00:00Z");
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of("io.cointrader.llm", Level.DEBUG);
    }

    @AfterEach
    void stop() {
        logs.close();
        server.close();
    }

    private LlmAdvisor advisor(Duration timeout) {
        OpenAiClient client = new OpenAiClient(
                LlmClients.httpClient(Duration.ofSeconds(5)),
                server.baseUrl(),
                Secret.of("sk-test-0000000000000000"),
                "gpt-test",
                timeout,
                wall);
        // no retries: each scripted answer is one call
        RetryPolicy once =
                new RetryPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8), timeout, Sleeper.THREAD, wall);
        return new LlmAdvisor(client, new AdvisorBudget(1_000, 10_000_000), BigDecimal.ZERO, wall, once);
    }

    private Advisor.Question question() {
        tradingTime = tradingTime.plus(Duration.ofHours(1));
        return new Advisor.Question(
                "KRW-BTC",
                tradingTime.minus(Duration.ofHours(1)),
                tradingTime,
                Map.of("price", "100", "signal", "HOLD"));
    }

    private static FakeLlmServer.Reply answer(String content) {
        return json(
                200,
                OpenAiClientTest.completion(
                        ProviderHttp.JSON.valueToTree(content).toString(), "stop"));
    }

    private List<String> lines(Level level) {
        return logs.events(level).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void garbageAnswersAreOneWarningThenAPause() {
        LlmAdvisor advisor = advisor(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            server.then(answer("As an AI model I cannot give financial advice."));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(advisor.advise(question())).isEmpty();
        }
        advisor.close();

        assertThat(server.requests()).hasSize(AdvisorHealth.FAILURES_BEFORE_PAUSE);
        assertThat(lines(Level.WARN))
                .satisfiesExactly(
                        first -> assertThat(first).contains("not valid advice", "only counted"),
                        pause -> assertThat(pause).contains("3 calls in a row", "not valid advice"));
        assertThat(lines(Level.INFO)).singleElement().asString().contains("3 call(s) gave no advice");
    }

    @Test
    void aRefusedConnectionIsReportedAsSuchNotAsATimeout() {
        LlmAdvisor advisor = advisor(Duration.ofSeconds(5));
        server.close();

        assertThat(advisor.advise(question())).isEmpty();

        assertThat(lines(Level.WARN))
                .singleElement()
                .asString()
                .contains("UNREACHABLE", "connection refused by 127.0.0.1")
                .doesNotContain("TIMEOUT");
    }

    @Test
    void aServerThatHangsIsATimeout() {
        server.then(FakeLlmServer.Reply.hanging());

        assertThat(advisor(Duration.ofMillis(300)).advise(question())).isEmpty();

        assertThat(lines(Level.WARN)).singleElement().asString().contains("TIMEOUT", "no answer within 300 ms");
    }

    @Test
    void aServerThatRecoversGetsAskedAgainAfterThePauseAndSaysSoOnce() {
        LlmAdvisor advisor = advisor(Duration.ofSeconds(5));
        server.then(
                json(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                json(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                json(503, "{\"error\":{\"message\":\"overloaded\"}}"),
                answer(LlmAdvisorTest.ADVICE));
        for (int i = 0; i < 3; i++) {
            advisor.advise(question());
        }
        assertThat(advisor.advise(question())).as("paused").isEmpty();
        assertThat(server.requests()).hasSize(3);

        wall.advance(AdvisorHealth.FIRST_PAUSE);

        assertThat(advisor.advise(question())).map(Advisor.Advice::action).contains("SELL_CONSIDER");
        assertThat(lines(Level.WARN)).hasSize(2);
        assertThat(lines(Level.INFO)).singleElement().asString().contains("recovered");
    }
}
