package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Symbol;
import io.cointrader.state.TickRecord;
import io.cointrader.web.DashboardHarness.Answer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The price and equity charts over {@link AccountStory}. */
class ChartEndpointsTest {

    @TempDir
    Path dir;

    private DashboardHarness dashboard;

    @BeforeEach
    void start() {
        dashboard = DashboardHarness.start(dir);
        AccountStory.tell(dashboard.store);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void priceChartIsTheStrategysViewOldestFirstWithTheFillsInItsSpan() throws IOException {
        dashboard.assertJson(
                "/api/charts/price?symbol=BTC/KRW&limit=3",
                """
                {"symbol": "BTC/KRW",
                 "points": [
                   {"time": "2024-03-01T03:00:00Z", "price": 96000000.0, "fast_ema": null, "slow_ema": null},
                   {"time": "2024-03-01T04:00:00Z", "price": 96500000.0, "fast_ema": 96200000.5,
                    "slow_ema": 96100000.0},
                   {"time": "2024-03-01T05:00:00Z", "price": 97000000.0, "fast_ema": 96400000.0,
                    "slow_ema": 96150000.0}],
                 "fills": [{"time": "2024-03-01T03:00:00Z", "side": "SELL", "price": 96000000.0,
                            "quantity": 0.005}]}
                """);
    }

    @Test
    void priceChartLeavesOutFillsBeforeItsFirstPoint() {
        JsonNode chart =
                dashboard.get("/api/charts/price?symbol=btc/krw&limit=2").json();

        assertThat(chart.get("points")).hasSize(2);
        assertThat(chart.get("fills")).isEmpty();
    }

    @Test
    void priceChartDefaultsToTheFirstConfiguredSymbol() {
        JsonNode eth = dashboard.get("/api/charts/price?symbol=ETH/KRW").json();
        JsonNode fallback = dashboard.get("/api/charts/price").json();

        assertThat(eth.get("points")).hasSize(1);
        assertThat(fallback.get("symbol").asText()).isEqualTo("BTC/KRW");
        assertThat(fallback.get("points")).hasSize(3);
    }

    @Test
    void priceChartAcceptsASymbolTheLoopHasTicked() {
        dashboard.store.recordTick(
                new TickRecord(Symbol.parse("DOGE/KRW"), AccountStory.NOW, AccountStory.NOW, "HOLD", null, null));

        Answer answer = dashboard.get("/api/charts/price?symbol=DOGE/KRW");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("points")).isEmpty();
    }

    @Test
    void equityChartIsOldestFirst() throws IOException {
        dashboard.assertJson(
                "/api/charts/equity",
                """
                {"points": [{"time": "2024-02-29T23:00:00Z", "equity": 3500000.0},
                            {"time": "2024-03-01T05:00:00Z", "equity": 3585000.0}]}
                """);
        // the store thins to "about" the number of points and always keeps the newest
        JsonNode thinned = dashboard.get("/api/charts/equity?points=1").json().get("points");
        assertThat(thinned).hasSize(dashboard.store.equityHistory(1).size());
        assertThat(thinned.get(thinned.size() - 1).get("time").asText()).isEqualTo("2024-03-01T05:00:00Z");
    }
}
