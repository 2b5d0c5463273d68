package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new database: nothing is known yet, and every endpoint says so without failing. */
class ReadEndpointsBeforeTheFirstTickTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DashboardHarness dashboard;

    @BeforeEach
    void start() {
        dashboard = DashboardHarness.start(dir);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void everyValueIsUnknownOrEmpty() throws IOException {
        assertJson("/api/balances", "{\"time\": null, \"balances\": []}");
        assertJson("/api/positions", "{\"time\": null, \"positions\": []}");
        assertJson(
                "/api/pnl",
                """
                {"currency": "KRW", "as_of": null, "day": null, "equity": null, "day_start_equity": null,
                 "today_pnl": null, "today_pnl_pct": null, "today_realized_pnl": null, "unrealized_pnl": null,
                 "inception_equity": null, "since_inception_pnl": null, "since_inception_pct": null,
                 "realized_pnl_total": null, "fees_total": null}
                """);
        assertJson("/api/orders", "{\"total\": 0, \"limit\": 50, \"offset\": 0, \"orders\": []}");
        assertJson("/api/orders/open", "{\"orders\": []}");
        assertJson("/api/safety-events", "{\"events\": []}");
        assertJson("/api/decisions", "{\"decisions\": []}");
        assertJson("/api/charts/price", "{\"symbol\": \"BTC/KRW\", \"points\": [], \"fills\": []}");
        assertJson("/api/charts/equity", "{\"points\": []}");
        assertJson("/api/audit", "{\"events\": []}");
    }

    @Test
    void statusHasNoMarketClockOrTicksYet() {
        JsonNode status = dashboard.get("/api/status").json();

        assertThat(status.get("market_clock").isNull()).isTrue();
        assertThat(status.get("last_ticks")).isEmpty();
        assertThat(status.get("uptime_seconds").asLong()).isZero();
    }

    private void assertJson(String path, String expected) throws IOException {
        DashboardHarness.Answer answer = dashboard.get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        assertThat(answer.json()).as(path).isEqualTo(JSON.readTree(expected));
    }
}
