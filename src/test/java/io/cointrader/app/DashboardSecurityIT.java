package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard behind WEB_MASTER_CODE, and the refusal to expose it without one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardSecurityIT {

    private static final String CODE = "canary-master-code-7Qx";
    private static final Map<String, String> CANARIES = Map.of(
            "WEB_MASTER_CODE", CODE,
            "UPBIT_MASTER_KEY", "canary-upbit-master-K9",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/canarywebhook",
            "LLM_API_KEY", "sk-canary-llm-key-0001");
    private static final List<String> GETS = List.of(
            "/api/status",
            "/api/balances",
            "/api/positions",
            "/api/pnl",
            "/api/orders",
            "/api/orders/open",
            "/api/safety-events",
            "/api/decisions",
            "/api/charts/price?symbol=BTC/KRW",
            "/api/charts/equity",
            "/api/audit",
            "/api/session",
            "/",
            "/login");

    @TempDir
    static Path dir;

    private DashboardProcess web;

    @BeforeAll
    void startDashboard() throws Exception {
        web = DashboardProcess.start(dir, CANARIES);
    }

    @AfterAll
    void stopDashboard() throws Exception {
        if (web != null) {
            web.stop();
        }
    }

    @Test
    @Order(1)
    void refusesANetworkAddressWithoutAMasterCode(@TempDir Path other) throws Exception {
        TraderProcess.Result result = new TraderProcess(other).run("web", "--host", "0.0.0.0", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: WEB_MASTER_CODE")
                .contains("0.0.0.0"));
        assertThat(result.out()).doesNotContain("coin-trader dashboard");
    }

    @Test
    @Order(2)
    void everythingButTheLoginNeedsALoggedInSession() throws Exception {
        JsonNode session = web.openSession();

        assertThat(session.path("auth_required").asBoolean()).isTrue();
        assertThat(session.path("authenticated").asBoolean()).isFalse();
        assertThat(web.get("/api/status").statusCode()).isEqualTo(401);
        HttpResponse<String> page = web.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(web.get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> post = web.post("/api/kill-switch/activate", "{}");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isFalse();
    }

    @Test
    @Order(3)
    void theRightCodeOpensTheApiAndNoAnswerHoldsASecret() throws Exception {
        web.openSession();
        HttpResponse<String> login = web.post("/api/login", "{\"code\":\"" + CODE + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("set-cookie")).anySatisfy(c -> assertThat(c)
                .contains("ct_session=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict"));
        web.useCsrf(DashboardProcess.parse(login.body()).path("csrf_token").asText());

        for (String path : GETS) {
            HttpResponse<String> answer = web.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertNoCanary(answer.body());
            answer.headers().map().values().forEach(v -> assertNoCanary(v.toString()));
        }
        HttpResponse<String> kill = web.post("/api/kill-switch/activate", "{\"reason\":\"test\"}");
        assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
        assertThat(web.post("/api/kill-switch/deactivate", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> audit = web.get("/api/audit");
        assertThat(audit.body()).contains("session:").doesNotContain("ct_session");
        assertThat(web.post("/api/logout", "{}").statusCode()).isEqualTo(200);
        assertThat(web.get("/api/status").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void repeatedWrongCodesLockTheLoginEvenForTheRightCode() throws Exception {
        web.openSession();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = web.post("/api/login", "{\"code\":\"guess-" + i + "\"}");
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        }

        HttpResponse<String> locked = web.post("/api/login", "{\"code\":\"" + CODE + "\"}");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("retry-after"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(web.get("/api/status").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void noLogLineHoldsASecret() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoCanary(Files.readString(file));
            }
        }
        assertNoCanary(web.output());
    }

    private static void assertNoCanary(String text) {
        for (String secret : CANARIES.values()) {
            assertThat(text).doesNotContain(secret);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
