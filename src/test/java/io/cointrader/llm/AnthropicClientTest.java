package io.cointrader.llm;

import static io.cointrader.llm.FakeLlmServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

    private static final String KEY = "sk-ant-api03-test0123456789abcdefghij";
    private static final LlmRequest REQUEST = new LlmRequest("Answer in JSON.", "{\"symbol\":\"KRW-ETH\"}", 700);

    private final FakeLlmServer server = new FakeLlmServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RetryPolicy retry = RetryPolicy.standard(Duration.ofSeconds(30), sleeper, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private AnthropicClient client(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new AnthropicClient(http, server.baseUrl(), Secret.of(KEY), "claude-test", timeout, clock);
    }

    private AnthropicClient client() {
        return client(Duration.ofSeconds(5));
    }

    static String message(String contentBlocks, String stopReason) {
        return """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-test",
                 "content":[%s],"stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":90,"output_tokens":30,"cache_read_input_tokens":10}}"""
                .formatted(contentBlocks, stopReason);
    }

    static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":\"%s\"},\"request_id\":\"req_x\"}"
                .formatted(type, message);
    }

    @Test
    void sendsTheKeyHeaderTheVersionAndATopLevelSystemPrompt() {
        server.then(
                json(200, message("{\"type\":\"text\",\"text\":\"{}\"}", "end_turn"), Map.of("request-id", "req_a1")));

        LlmReply reply = client().complete(REQUEST);

        FakeLlmServer.Seen sent = server.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("Authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(700);
        assertThat(body.path("system").asText()).isEqualTo("Answer in JSON.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo("{\"symbol\":\"KRW-ETH\"}");

        assertThat(reply.text()).isEqualTo("{}");
        assertThat(reply.truncated()).isFalse();
        assertThat(reply.inputTokens()).isEqualTo(100);
        assertThat(reply.outputTokens()).isEqualTo(30);
        assertThat(reply.requestId()).isEqualTo("req_a1");
    }

    @Test
    void joinsTheTextBlocksAndSkipsOthers() {
        server.then(json(
                200,
                message(
                        "{\"type\":\"thinking\",\"thinking\":\"hmm\"},{\"type\":\"text\",\"text\":\"{\\\"a\\\":\"},"
                                + "{\"type\":\"text\",\"text\":\"1}\"}",
                        "end_turn")));

        assertThat(client().complete(REQUEST).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void marksAMaxTokensStopAsTruncated() {
        server.then(json(200, message("{\"type\":\"text\",\"text\":\"{\\\"act\"}", "max_tokens")));

        assertThat(client().complete(REQUEST).truncated()).isTrue();
    }

    @Test
    void treatsAReplyWithoutTextAsMalformed() {
        server.then(
                json(200, message("{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"x\",\"input\":{}}", "tool_use")),
                json(200, "<html>gateway</html>"));

        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.MALFORMED);
    }

    @Test
    void retriesOverloadThenReportsUnavailable() {
        String overloaded = error("overloaded_error", "Overloaded");
        server.then(json(529, overloaded), json(529, overloaded), json(529, overloaded));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("529").contains("overloaded_error");
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void retriesARateLimitAfterTheServersRetryAfter() {
        server.then(
                json(
                        429,
                        error("rate_limit_error", "Number of requests has exceeded your rate limit"),
                        Map.of("retry-after", "4")),
                json(200, message("{\"type\":\"text\",\"text\":\"ok\"}", "end_turn")));

        assertThat(retry.call(client(), REQUEST).text()).isEqualTo("ok");

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void reportsTheSpendLimitAsQuotaWithoutRetrying() {
        server.then(json(
                429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"limit\","
                        + "\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}",
                Map.of("retry-after", "1")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA_EXHAUSTED);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void reportsBillingErrorsAsQuota() {
        server.then(
                json(402, error("billing_error", "payment required")),
                json(400, error("invalid_request_error", "Your credit balance is too low to access the API.")));

        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.QUOTA_EXHAUSTED);
        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.QUOTA_EXHAUSTED);
    }

    @Test
    void reportsAuthFailureWithoutRetrying() {
        server.then(json(401, error("authentication_error", "invalid x-api-key"), Map.of("request-id", "req_401")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("authentication_error").contains("req_401");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void reportsOtherRequestErrorsAsBadRequest() {
        server.then(json(404, error("not_found_error", "model: claude-test")));

        assertThat(catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void timesOutOnAServerThatNeverAnswers() {
        server.then(FakeLlmServer.Reply.hanging());

        assertThat(catchThrowableOfType(LlmException.class, () -> client(Duration.ofMillis(300))
                                .complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.TIMEOUT);
    }
}
