package io.cointrader.llm;

import static io.cointrader.llm.FakeLlmServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import io.cointrader.core.Secret;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canary keys through every failure path, with a server that echoes the key back in every answer: no
 * exception message and no log line may carry it.
 */
class LlmSecretsCanaryTest {

    private static final LlmRequest REQUEST = new LlmRequest("Answer in JSON.", "{}", 100);

    private final FakeLlmServer server = new FakeLlmServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of("io.cointrader.llm", Level.TRACE);
    }

    @AfterEach
    void restore() {
        logs.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openai|sk-proj-CANARY7f3c2a9d1e5b8c4f6a0d2e7b9c1f3a5d",
                "anthropic|sk-ant-api03-CANARYb0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
                "openai|CANARYplain0b1c2d3e4f5a6b7c8d9e0f",
                "anthropic|CANARYplain0b1c2d3e4f5a6b7c8d9e0f"
            })
    void noExceptionMessageNorLogLineCarriesTheKey(String providerAndKey) {
        String provider = providerAndKey.split("\\|")[0];
        String key = providerAndKey.split("\\|")[1];
        scriptEchoingReplies(key);
        LlmClient client = client(provider, key);
        LlmAdvisor advisor = new LlmAdvisor(
                client,
                new AdvisorBudget(100, 1_000_000),
                BigDecimal.ONE,
                clock,
                RetryPolicy.standard(Duration.ofMinutes(5), new RecordingSleeper(clock), clock));

        List<Throwable> thrown = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            thrown.add(catchThrowable(() -> client.complete(REQUEST)));
        }
        scriptEchoingReplies(key);
        for (int i = 0; i < 10; i++) {
            // past any pause after repeated failures, so that every echoing answer reaches the advisor
            clock.advance(Duration.ofHours(1));
            Advisor.Question question = new Advisor.Question(
                    "KRW-BTC", clock.instant(), clock.instant(), Map.of("price", "100", "signal", "HOLD"));
            assertThat(advisor.advise(question)).isEmpty();
        }

        assertThat(thrown).hasSize(10).allSatisfy(t -> assertThat(t).isInstanceOf(LlmException.class));
        assertThat(server.requests()).hasSizeGreaterThanOrEqualTo(20);
        List<String> texts = new ArrayList<>();
        thrown.forEach(t -> chain(t, texts));
        texts.addAll(logs.texts());
        assertThat(logs.events()).isNotEmpty();
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(String.valueOf(text))
                .doesNotContain(key)
                .doesNotContain(key.substring(key.indexOf("CANARY"))));
    }

    private void scriptEchoingReplies(String key) {
        String echo = "bad key " + key + " (Bearer " + key + ")";
        server.then(
                json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\","
                                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"),
                json(
                        429,
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"" + echo + "\"}}",
                        Map.of("x-request-id", key, "request-id", key, "retry-after", key)),
                json(
                        429,
                        "{\"error\":{\"message\":\"" + echo + "\",\"type\":\"insufficient_quota\","
                                + "\"code\":\"insufficient_quota\"}}"),
                json(
                        400,
                        "{\"error\":{\"message\":\"" + echo + "\",\"type\":\"invalid_request_error\"," + "\"param\":\""
                                + key + "\",\"code\":\"" + key + "\"}}"),
                json(500, "<html>" + echo + "</html>"),
                json(404, "{\"detail\":\"" + echo + "\"}"),
                json(200, "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"" + echo + "\"}}]}"),
                json(200, "{\"content\":[{\"type\":\"tool_use\"}],\"stop_reason\":\"" + key + "\"}"),
                json(200, "{\"broken\":\"" + echo),
                json(529, echo));
    }

    private LlmClient client(String provider, String key) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Function<Secret, LlmClient> build = provider.equals("openai")
                ? s -> new OpenAiClient(http, server.baseUrl(), s, "m", Duration.ofSeconds(5), clock)
                : s -> new AnthropicClient(http, server.baseUrl(), s, "m", Duration.ofSeconds(5), clock);
        return build.apply(Secret.of(key));
    }

    private static void chain(Throwable t, List<String> into) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            into.add(c.getMessage());
            into.add(c.toString());
        }
    }
}
