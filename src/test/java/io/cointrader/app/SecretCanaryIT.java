package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cointrader.state.SqliteStateStore;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets through the packaged program: a paper run with the LLM advisor (whose server fails
 * every other call and echoes the key back), Slack alerts, the kill switch and the self-test. No key,
 * webhook URL or code may show up in any output, log file or database file.
 */
class SecretCanaryIT {

    private static final String LLM_KEY = "sk-canaryLlmKey0123456789abcdefXYZ";
    private static final String WEBHOOK_SECRET = "canaryWebhookSecret0123456789";
    private static final String MASTER_KEY = "canary-upbit-master-key-77";
    private static final String WEB_CODE = "canary-web-master-code-88";

    @TempDir
    Path dir;

    private HttpServer fakes;
    private final List<String> slackMessages = new CopyOnWriteArrayList<>();
    private final AtomicInteger llmCalls = new AtomicInteger();

    @BeforeEach
    void startFakes() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        fakes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakes.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean fail = llmCalls.incrementAndGet() % 2 == 1;
            String body = fail
                    ? "{\"error\":{\"message\":\"Incorrect API key provided: " + auth
                            + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"
                    : "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                            + "\"{\\\"action\\\":\\\"HOLD\\\",\\\"confidence\\\":0.5,\\\"reasoning\\\":\\\"calm\\\","
                            + "\\\"risk_notes\\\":\\\"none\\\"}\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}";
            answer(exchange, fail ? 401 : 200, body, "application/json");
        });
        fakes.createContext("/services/", exchange -> {
            slackMessages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "ok", "text/plain");
        });
        fakes.start();
    }

    @AfterEach
    void stopFakes() {
        fakes.stop(0);
    }

    @Test
    void noSecretReachesAnyOutputLogOrDatabase() throws Exception {
        String base = "http://127.0.0.1:" + fakes.getAddress().getPort();
        Map<String, String> env = new HashMap<>();
        env.put("EXCHANGE", "replay");
        env.put("REPLAY_TO", "2025-10-23T00:00:00Z");
        env.put("LLM_ENABLED", "true");
        env.put("LLM_API_KEY", LLM_KEY);
        env.put("LLM_OPENAI_BASE_URL", base + "/v1");
        env.put("LLM_MIN_PRICE_MOVE_PCT", "0");
        env.put("SLACK_WEBHOOK_URL", base + "/services/T000/B000/" + WEBHOOK_SECRET);
        env.put("UPBIT_MASTER_KEY", MASTER_KEY);
        env.put("WEB_MASTER_CODE", WEB_CODE);
        TraderProcess trader = new TraderProcess(dir);

        TraderProcess.Result run = trader.run(env, "run");
        TraderProcess.Result kill = trader.run(env, "kill", "--reason", "canary drill");
        TraderProcess.Result selftest = trader.run(env, "selftest", "--notify");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(llmCalls.get()).isPositive();
        assertThat(slackMessages).anySatisfy(m -> assertThat(m).contains("KILL_SWITCH_ACTIVATED"));
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("data/coin_trader.db"))) {
            assertThat(store.recentDecisions("llm_advice", null, 1000)).isNotEmpty();
        }
        for (TraderProcess.Result r : List.of(run, kill, selftest)) {
            assertNoCanary("console", r.out() + r.err());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoCanary(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static void assertNoCanary(String where, String text) {
        for (String secret : List.of(LLM_KEY, WEBHOOK_SECRET, MASTER_KEY, WEB_CODE)) {
            assertThat(text).as(where).doesNotContain(secret);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body, String type)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
