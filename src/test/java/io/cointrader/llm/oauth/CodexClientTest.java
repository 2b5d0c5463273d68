package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.llm.LlmReply;
import io.cointrader.llm.LlmRequest;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexClientTest {

    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    static final LlmRequest REQUEST = new LlmRequest("You advise on BTC.", "Price went up 2%.", 500);
    static final String COMPLETED =
            "event: response.completed\r\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\","
                    + "\"status\":\"completed\",\"output\":[],\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}}\r\n\r\n";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    FakeHttp server;
    TokenStore store;
    String accessToken;

    @BeforeEach
    void start() throws Exception {
        server = new FakeHttp();
        store = new TokenStore(dir.resolve("auth.json"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CodexClient client(Duration idle) {
        accessToken = TestJwts.token("acct-7", NOW.plusSeconds(3600), "access-1");
        OAuthTokens tokens = new OAuthTokens(
                Secret.of(TestJwts.token("acct-7", NOW.plusSeconds(3600), "id-1")),
                Secret.of(accessToken),
                Secret.of("CANARY-refresh-1"),
                "acct-7",
                NOW.plusSeconds(3600),
                NOW);
        TokenClient tokenClient = new TokenClient(HttpClient.newHttpClient(), server.uri(""), Duration.ofSeconds(5));
        OAuthSession session = new OAuthSession(tokens, store, tokenClient, clock);
        return new CodexClient(
                HttpClient.newHttpClient(),
                server.uri("/codex"),
                "gpt-5.2-codex",
                session,
                Duration.ofSeconds(10),
                idle);
    }

    CodexClient client() {
        return client(Duration.ofSeconds(10));
    }

    static String delta(String text) {
        return "event: response.output_text.delta\r\ndata: {\"type\":\"response.output_text.delta\",\"delta\":" + "\""
                + text + "\"}\r\n\r\n";
    }

    @Test
    void assemblesChunkedDeltasAndSendsTheCodexRequest() throws Exception {
        server.on(
                "/codex/responses",
                FakeHttp.stream(
                        "event: response.created\r\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}\r\n\r\n",
                        delta("{\\\"action\\\":"),
                        "event: response.output_text.delta\r\ndata: {\"type\":\"response.output_text.delta\",",
                        "\"delta\":\"\\\"HOLD\\\"}\"}\r\n\r\nevent: codex.rate_limits\r\ndata: {\"type\":\"codex.rate_limits\"}\r\n\r\n",
                        COMPLETED));

        LlmReply reply = client().complete(REQUEST);

        assertThat(reply.text()).isEqualTo("{\"action\":\"HOLD\"}");
        assertThat(reply.truncated()).isFalse();
        assertThat(reply.inputTokens()).isEqualTo(120);
        assertThat(reply.outputTokens()).isEqualTo(30);
        assertThat(reply.requestId()).isEqualTo("resp_1");

        FakeHttp.Recorded sent = server.requestsTo("/codex/responses").get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(sent.header("chatgpt-account-id")).isEqualTo("acct-7");
        assertThat(sent.header("originator")).isEqualTo("codex_cli_rs");
        assertThat(sent.header("OpenAI-Beta")).isEqualTo("responses=experimental");
        assertThat(sent.header("accept")).isEqualTo("text/event-stream");
        assertThat(sent.header("session_id")).matches("[0-9a-f-]{36}");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-5.2-codex");
        assertThat(body.path("instructions").asText()).isEqualTo("You advise on BTC.");
        JsonNode input = body.path("input").path(0);
        assertThat(input.path("role").asText()).isEqualTo("user");
        assertThat(input.path("content").path(0).path("type").asText()).isEqualTo("input_text");
        assertThat(input.path("content").path(0).path("text").asText()).isEqualTo("Price went up 2%.");
        assertThat(body.path("store").asBoolean(true)).isFalse();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("tools").isArray()).isTrue();
        assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(body.path("reasoning").path("effort").asText()).isEqualTo("low");
        assertThat(body.path("reasoning").path("summary").asText()).isEqualTo("auto");
        assertThat(body.path("text").path("verbosity").asText()).isEqualTo("low");
        assertThat(body.has("max_output_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void takesTheTextFromFinishedMessageItemsWhenNoDeltasCame() {
        server.on(
                "/codex/responses",
                FakeHttp.stream(
                        "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"reasoning\",\"summary\":[]}}\n\n",
                        "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\","
                                + "\"content\":[{\"type\":\"output_text\",\"text\":\"from item\"}]}}\n\n",
                        COMPLETED));

        assertThat(client().complete(REQUEST).text()).isEqualTo("from item");
    }

    @Test
    void aFailedResponseMidStreamIsClassifiedByItsCode() {
        server.on(
                "/codex/responses",
                FakeHttp.stream(
                        delta("partial"),
                        "event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"error\":"
                                + "{\"code\":\"usage_not_included\",\"message\":\"plan lacks Codex\"}}}\n\n"),
                FakeHttp.stream(
                        "data: {\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"rate_limit_exceeded\","
                                + "\"message\":\"Please try again in 1.5s\"}}}\n\n"),
                FakeHttp.stream(
                        "data: {\"type\":\"error\",\"code\":\"context_length_exceeded\",\"message\":\"too long\"}\n\n"));
        CodexClient client = client();

        assertThat(catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class)
                        .kind())
                .isEqualTo(Kind.QUOTA_EXHAUSTED);
        LlmException limited = catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class);
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofMillis(1500));
        assertThat(catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class)
                        .kind())
                .isEqualTo(Kind.BAD_REQUEST);
    }

    @Test
    void anIncompleteResponseIsMarkedTruncated() {
        server.on(
                "/codex/responses",
                FakeHttp.stream(
                        delta("{\\\"act"),
                        "data: {\"type\":\"response.incomplete\",\"response\":{\"incomplete_details\":"
                                + "{\"reason\":\"max_output_tokens\"}}}\n\n"));

        LlmReply reply = client().complete(REQUEST);

        assertThat(reply.truncated()).isTrue();
        assertThat(reply.text()).isEqualTo("{\"act");
        assertThat(reply.requestId()).isEqualTo("req-header-1");
    }

    @Test
    void aStreamCutBeforeCompletedIsMalformed() {
        server.on("/codex/responses", FakeHttp.stream(delta("half an ans")));

        LlmException e = catchThrowableOfType(() -> client().complete(REQUEST), LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo("stream closed before response.completed");
    }

    @Test
    void a401IsFollowedByOneRefreshAndARetry() {
        String fresh = TestJwts.token("acct-7", NOW.plusSeconds(7200), "access-2");
        server.on(
                        "/codex/responses",
                        FakeHttp.json(401, "{\"detail\":\"token expired\"}"),
                        FakeHttp.stream(delta("ok"), COMPLETED))
                .on(
                        "/oauth/token",
                        FakeHttp.json(
                                200, "{\"access_token\":\"" + fresh + "\",\"refresh_token\":\"CANARY-refresh-2\"}"));
        CodexClient client = client();

        assertThat(client.complete(REQUEST).text()).isEqualTo("ok");

        var calls = server.requestsTo("/codex/responses");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer " + fresh);
        assertThat(store.load().orElseThrow().refreshToken().reveal()).isEqualTo("CANARY-refresh-2");
    }

    @Test
    void aSecond401MeansLogInAgain() {
        server.on("/codex/responses", FakeHttp.json(401, "{\"detail\":\"Unauthorized\"}"))
                .on("/oauth/token", FakeHttp.json(200, "{\"access_token\":\"opaque-2\",\"refresh_token\":\"r-2\"}"));

        LlmException e = catchThrowableOfType(() -> client().complete(REQUEST), LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(server.requestsTo("/codex/responses")).hasSize(2);
        assertThat(server.requestsTo("/oauth/token")).hasSize(1);
    }

    @Test
    void usageLimitReachedIsQuotaEvenAs404AndA429IsARateLimit() {
        String usage = "{\"error\":{\"type\":\"usage_limit_reached\",\"message\":\"The usage limit has been reached\","
                + "\"plan_type\":\"plus\",\"resets_at\":1782000000}}";
        server.on(
                "/codex/responses",
                FakeHttp.json(429, usage),
                FakeHttp.json(404, usage),
                (exchange, request) -> {
                    exchange.getResponseHeaders().set("Retry-After", "7");
                    FakeHttp.json(429, "{\"detail\":\"Too many requests\"}").send(exchange, request);
                },
                FakeHttp.json(400, "{\"detail\":\"Unsupported parameter: max_output_tokens\"}"));
        CodexClient client = client();

        assertThat(catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class)
                        .kind())
                .isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class)
                        .kind())
                .isEqualTo(Kind.QUOTA_EXHAUSTED);
        LlmException limited = catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class);
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        LlmException bad = catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class);
        assertThat(bad.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(bad.getMessage()).contains("Unsupported parameter: max_output_tokens");
    }

    @Test
    void aSilentStreamTimesOut() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.on("/codex/responses", (exchange, request) -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(delta("x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        LlmException e =
                catchThrowableOfType(() -> client(Duration.ofMillis(200)).complete(REQUEST), LlmException.class);
        release.countDown();

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("silent");
    }

    @Test
    void reportsARefusedConnectionAsUnreachable() {
        CodexClient client = client();
        server.close();

        LlmException e = catchThrowableOfType(() -> client.complete(REQUEST), LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("connection refused").doesNotContainIgnoringCase("timeout");
    }
}
