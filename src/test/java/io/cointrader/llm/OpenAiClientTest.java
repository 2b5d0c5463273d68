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

class OpenAiClientTest {

    private static final String KEY = "sk-proj-test0123456789abcdefghij";
    private static final LlmRequest REQUEST = new LlmRequest("Answer in JSON.", "{\"symbol\":\"KRW-BTC\"}", 800);

    private final FakeLlmServer server = new FakeLlmServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RetryPolicy retry = RetryPolicy.standard(Duration.ofSeconds(30), sleeper, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiClient client(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new OpenAiClient(http, server.baseUrl(), Secret.of(KEY), "gpt-test", timeout, clock);
    }

    private OpenAiClient client() {
        return client(Duration.ofSeconds(5));
    }

    static String completion(String content, String finish) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                             "finish_reason":"%s"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":40,"total_tokens":160}}"""
                .formatted(content, finish);
    }

    static String error(String type, String code, String message) {
        return "{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"param\":null,\"code\":\"%s\"}}"
                .formatted(message, type, code);
    }

    @Test
    void sendsChatCompletionWithBearerKeyJsonModeAndOnlyMaxCompletionTokens() {
        server.then(
                json(200, completion("\"{\\\"action\\\":\\\"HOLD\\\"}\"", "stop"), Map.of("x-request-id", "req_abc")));

        LlmReply reply = client().complete(REQUEST);

        FakeLlmServer.Seen sent = server.only();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo("Answer in JSON.");
        assertThat(body.path("messages").path(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").path(1).path("content").asText()).isEqualTo("{\"symbol\":\"KRW-BTC\"}");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(800);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();

        assertThat(reply.text()).isEqualTo("{\"action\":\"HOLD\"}");
        assertThat(reply.truncated()).isFalse();
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(40);
        assertThat(reply.requestId()).isEqualTo("req_abc");
    }

    @Test
    void marksALengthFinishAsTruncated() {
        server.then(json(200, completion("\"{\\\"action\\\":\\\"HO\"", "length")));

        assertThat(client().complete(REQUEST).truncated()).isTrue();
    }

    @Test
    void treatsARefusalWithNullContentAsMalformed() {
        server.then(
                json(
                        200,
                        """
                {"choices":[{"index":0,"message":{"role":"assistant","content":null,
                 "refusal":"I can't help with that."},"finish_reason":"stop"}]}"""));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("refused");
    }

    @Test
    void treatsNullContentWithoutRefusalAsMalformed() {
        server.then(json(200, completion("null", "tool_calls")));

        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.MALFORMED);
    }

    @Test
    void treatsABodyThatIsNotJsonAsMalformed() {
        server.then(json(200, "{\"choices\":[{\"message\":"), json(200, "{\"choices\":[]}"));

        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.MALFORMED);
    }

    @Test
    void retriesARateLimitAfterTheServersRetryAfter() {
        server.then(
                json(429, error("requests", "rate_limit_exceeded", "Rate limit reached"), Map.of("retry-after", "2")),
                json(200, completion("\"ok\"", "stop")));

        LlmReply reply = retry.call(client(), REQUEST);

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void prefersRetryAfterMsAndCapsLongHintsAtEightSeconds() {
        server.then(
                json(
                        429,
                        error("requests", "rate_limit_exceeded", "slow down"),
                        Map.of("retry-after-ms", "1500", "retry-after", "7")),
                json(429, error("requests", "rate_limit_exceeded", "slow down"), Map.of("retry-after", "60.5")),
                json(200, completion("\"ok\"", "stop")));

        retry.call(client(), REQUEST);

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(8));
    }

    @Test
    void readsAnHttpDateRetryAfter() {
        server.then(
                json(
                        429,
                        error("requests", "rate_limit_exceeded", "later"),
                        Map.of("retry-after", "Mon, 02 Mar 2026 10:00:03 GMT")),
                json(200, completion("\"ok\"", "stop")));

        retry.call(client(), REQUEST);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void reportsInsufficientQuotaWithoutRetrying() {
        server.then(json(429, error("insufficient_quota", "insufficient_quota", "You exceeded your current quota")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA_EXHAUSTED);
        assertThat(e.getMessage()).contains("insufficient_quota");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void reportsAuthFailureWithoutRetrying() {
        server.then(json(
                401,
                error("invalid_request_error", "invalid_api_key", "Incorrect API key provided"),
                Map.of("x-request-id", "req_401")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("401").contains("req_401");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retriesServerErrorsTwiceWithExponentialBackOffThenGivesUp() {
        server.then(json(500, "oops"), json(502, "bad gateway"), json(503, error("server_error", "", "busy")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void reportsOtherRequestErrorsAsBadRequest() {
        server.then(json(404, error("invalid_request_error", "model_not_found", "The model does not exist")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> retry.call(client(), REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("model_not_found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void timesOutOnAServerThatNeverAnswers() {
        server.then(FakeLlmServer.Reply.hanging());

        LlmException e = catchThrowableOfType(
                LlmException.class, () -> client(Duration.ofMillis(300)).complete(REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.transientFailure()).isTrue();
    }

    @Test
    void reportsARefusedConnectionAsUnreachableNotAsATimeout() {
        OpenAiClient client = client();
        server.close();

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .contains("connection refused by 127.0.0.1:" + server.baseUrl().getPort())
                .doesNotContainIgnoringCase("timeout");
        assertThat(e.transientFailure()).isTrue();
    }

    @Test
    void asksAgainWithoutJsonModeWhenTheModelRefusesItAndKeepsThatChoice() {
        server.then(
                json(
                        400,
                        "{\"error\":{\"message\":\"Invalid parameter: 'response_format' of type 'json_object' is"
                                + " not supported with this model.\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"response_format\",\"code\":null}}"),
                json(200, completion("\"ok\"", "stop")),
                json(200, completion("\"again\"", "stop")));
        OpenAiClient client = client();

        assertThat(client.complete(REQUEST).text()).isEqualTo("ok");
        assertThat(client.complete(REQUEST).text()).isEqualTo("again");

        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0).json().has("response_format")).isTrue();
        assertThat(server.requests().get(1).json().has("response_format")).isFalse();
        assertThat(server.requests().get(2).json().has("response_format")).isFalse();
    }

    @Test
    void usesTheDeveloperRoleWhenTheModelRefusesTheSystemRole() {
        server.then(
                json(
                        400,
                        "{\"error\":{\"message\":\"Unsupported value: 'messages[0].role' does not support"
                                + " 'system' with this model.\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"messages[0].role\",\"code\":\"unsupported_value\"}}"),
                json(200, completion("\"ok\"", "stop")));

        assertThat(client().complete(REQUEST).text()).isEqualTo("ok");

        assertThat(server.requests()
                        .get(1)
                        .json()
                        .path("messages")
                        .path(0)
                        .path("role")
                        .asText())
                .isEqualTo("developer");
    }

    @Test
    void doesNotAdaptToAnUnrelatedBadRequest() {
        server.then(json(400, error("invalid_request_error", "context_length_exceeded", "too long")));

        assertThat(catchThrowableOfType(LlmException.class, () -> client().complete(REQUEST))
                        .kind())
                .isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void describesItselfByProviderAndModelOnly() {
        assertThat(client().describe()).isEqualTo("openai gpt-test");
    }
}
