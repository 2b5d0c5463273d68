package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new database: nothing is known yet, and every endpoint says so without failing. */
class ReadEndpointsBeforeTheFirstTickTest {

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
    void everyValueIsUnknownOrEmpty() {
        dashboard.assertJson("/api/balances", "{\"time\": null, \"balances\": []}");
        dashboard.assertJson("/api/positions", "{\"time\": null, \"positions\": []}");
        dashboard.assertJson(
                "/api/pnl",
                """
                {"currency": "KRW", "as_of": null, "day": null, "equity": null, "day_start_equity": null,
                 "today_pnl": null, "today_pnl_pct": null, "today_realized_pnl": null, "unrealized_pnl": null,
                 "inception_equity": null, "since_inception_pnl": null, "since_inception_pct": null,
                 "realized_pnl_total": null, "fees_total": null}
                """);
        dashboard.assertJson("/api/orders", "{\"total\": 0, \"limit\": 50, \"offset\": 0, \"orders\": []}");
        dashboard.assertJson("/api/orders/open", "{\"orders\": []}");
        dashboard.assertJson("/api/safety-events", "{\"events\": []}");
        dashboard.assertJson("/api/decisions", "{\"decisions\": []}");
        dashboard.assertJson("/api/charts/price", "{\"symbol\": \"BTC/KRW\", \"points\": [], \"fills\": []}");
        dashboard.assertJson("/api/charts/equity", "{\"points\": []}");
        dashboard.assertJson("/api/audit", "{\"events\": []}");
    }

    @Test
    void statusHasNoMarketClockOrTicksYet() {
        JsonNode status = dashboard.get("/api/status").json();

        assertThat(status.get("market_clock").isNull()).isTrue();
        assertThat(status.get("last_ticks")).isEmpty();
        assertThat(status.get("uptime_seconds").asLong()).isZero();
    }
}
