package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.logging.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-test's LLM check against a model server on loopback. */
class SelftestIntegrationsTest {

    private static final String ADVICE =
            "{\\\"action\\\":\\\"HOLD\\\",\\\"confidence\\\":0.2,\\\"reasoning\\\":\\\"calm\\\",\\\"risk_notes\\\":\\\"\\\"}";

    @TempDir
    Path dir;

    private final AtomicReference<String> content = new AtomicReference<>(ADVICE);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (content.get() == null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                            + content.get() + "\"},\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private Check llmCheck(int port) {
        Map<String, String> env = Map.of(
                "LLM_ENABLED", "true",
                "LLM_API_KEY", "sk-test-selftest-000000000000",
                "LLM_OPENAI_BASE_URL", "http://127.0.0.1:" + port + "/v1",
                "LLM_TIMEOUT_SEC", "1");
        Settings settings = SettingsLoader.load(Map.of(), env, dir).settings();
        List<Check> checks = SelftestIntegrations.checks(settings, Redactor.withSecrets(List.of()), false);
        return checks.stream()
                .filter(c -> c.name().equals(SelftestIntegrations.LLM))
                .findFirst()
                .orElseThrow();
    }

    private Check llmCheck() {
        return llmCheck(server.getAddress().getPort());
    }

    @Test
    void passesWhenTheModelAnswersWithValidAdvice() {
        Check check = llmCheck();

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.detail()).contains("openai", "with valid advice", "70 tokens");
    }

    @Test
    void warnsWhenTheAnswerIsNotValidAdvice() {
        content.set("ok");

        Check check = llmCheck();

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).contains("answered", "not with valid advice (2 chars)");
        assertThat(check.hint()).contains("discards such answers", "LLM_MODEL");
    }

    @Test
    void saysConnectionRefusedWhenNothingListens() {
        int port = server.getAddress().getPort();
        server.stop(0);

        Check check = llmCheck(port);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail())
                .contains("connection refused by 127.0.0.1:" + port)
                .doesNotContain("TIMEOUT");
        assertThat(check.hint()).contains("base URL");
    }

    @Test
    void saysTimeoutWhenTheServerDoesNotAnswerInTime() {
        content.set(null);

        Check check = llmCheck();

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.detail()).contains("TIMEOUT", "no answer within 1000 ms");
    }
}
