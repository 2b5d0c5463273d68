package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.web.DashboardHarness.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets in the settings never reach an answer, whatever is asked. */
class SecretCanaryTest {

    private static final String CANARY = "c4n4ry";
    private static final Map<String, String> SECRETS = Map.of(
            "WEB_MASTER_CODE", "master-code-" + CANARY,
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/" + CANARY,
            "LLM_API_KEY", "sk-" + CANARY + "-llm-key",
            "UPBIT_MASTER_KEY", "upbit-master-" + CANARY,
            "LIVE_TRADING_CONFIRMATION", "confirm-" + CANARY);
    private static final List<String> PATHS = List.of(
            "/api/session",
            "/api/status",
            "/api/balances",
            "/api/positions",
            "/api/pnl",
            "/api/orders",
            "/api/orders/open",
            "/api/safety-events",
            "/api/decisions",
            "/api/charts/price",
            "/api/charts/equity",
            "/api/audit",
            "/api/orders?limit=bad",
            "/api/no-such-thing",
            "/",
            "/login");

    @TempDir
    Path dir;

    private DashboardHarness dashboard;

    @BeforeEach
    void start() {
        dashboard = DashboardHarness.start(dir, SECRETS);
        AccountStory.tell(dashboard.store);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void theSettingsReallyHoldTheCanaries() {
        assertThat(dashboard.settings.webMasterCode()).isPresent();
        assertThat(dashboard.settings.slackWebhookUrl()).isPresent();
        assertThat(dashboard.settings.llm().apiKey()).isPresent();
        assertThat(dashboard.settings.live().upbitMasterKey()).isPresent();
    }

    @Test
    void noAnswerContainsASecret() {
        dashboard.post("/api/kill-switch/activate", "{}");
        dashboard.post("/api/trading/start", "{\"mode\": \"live\"}");
        for (String path : PATHS) {
            Answer answer = dashboard.get(path);
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase(CANARY);
            assertThat(answer.headers().map().toString()).as(path).doesNotContainIgnoringCase(CANARY);
        }
    }
}
