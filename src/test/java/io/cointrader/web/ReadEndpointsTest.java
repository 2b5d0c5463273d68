package io.cointrader.web;

import static io.cointrader.web.DashboardServerTest.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.config.TradingMode;
import io.cointrader.web.DashboardHarness.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reading endpoint over {@link AccountStory}, with values worked out by hand. */
class ReadEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void statusShowsConfigurationLoopKillSwitchAndTicks() throws IOException {
        dashboard.clock.advance(Duration.ofSeconds(12));

        dashboard.assertJson(
                "/api/status",
                """
                {"version": "0.1.0-test", "mode": "paper", "exchange": "replay",
                 "symbols": ["BTC/KRW", "ETH/KRW"], "quote_currency": "KRW",
                 "server_time": "2024-03-01T06:00:12Z", "started_at": "2024-03-01T06:00:00Z", "uptime_seconds": 12,
                 "market_clock": "2024-03-01T05:00:00Z",
                 "kill_switch": {"active": false, "reason": null, "source": null, "since": null},
                 "trading": {"running": false, "runner": "none", "mode": null, "started_at": null,
                             "stopped_at": null, "stopping": false, "last_error": null},
                 "last_ticks": [{"symbol": "BTC/KRW", "time": "2024-03-01T05:00:00Z",
                                 "wall_time": "2024-03-01T05:59:00Z", "action": "HOLD", "price": "97000000",
                                 "detail": "no signal"}],
                 "auth_required": false}
                """);
    }

    @Test
    void statusModeIsTheModeOfTheLoopThisServerRuns() {
        Instant started = Instant.parse("2024-03-01T06:00:05Z");
        dashboard.control.state =
                new TradingState(true, TradingState.Runner.THIS_SERVER, TradingMode.LIVE, started, null, false, null);

        JsonNode status = dashboard.get("/api/status").json();

        assertThat(status.get("mode").asText()).isEqualTo("live");
        assertThat(status.get("trading").get("runner").asText()).isEqualTo("this_server");
        assertThat(status.get("trading").get("mode").asText()).isEqualTo("live");
        assertThat(status.get("trading").get("started_at").asText()).isEqualTo("2024-03-01T06:00:05Z");
    }

    @Test
    void statusModeIsTheConfiguredOneWhileAnotherProcessTrades() {
        dashboard.control.state =
                new TradingState(true, TradingState.Runner.OTHER_PROCESS, null, null, null, false, null);

        JsonNode status = dashboard.get("/api/status").json();

        assertThat(status.get("mode").asText()).isEqualTo("paper");
        assertThat(status.get("trading").get("runner").asText()).isEqualTo("other_process");
    }

    @Test
    void statusShowsAnActiveKillSwitch() {
        dashboard.killSwitch.activate("too volatile", "cli");

        JsonNode killSwitch = dashboard.get("/api/status").json().get("kill_switch");

        assertThat(killSwitch.get("active").asBoolean()).isTrue();
        assertThat(killSwitch.get("reason").asText()).isEqualTo("too volatile");
        assertThat(killSwitch.get("source").asText()).isEqualTo("cli");
        assertThat(killSwitch.get("since").asText()).isEqualTo("2024-03-01T06:00:00Z");
    }

    @Test
    void balancesAreThoseOfTheNewestSnapshot() throws IOException {
        dashboard.assertJson(
                "/api/balances",
                """
                {"time": "2024-03-01T05:00:00Z", "balances": [
                  {"currency": "BTC", "free": "0.005", "locked": "0", "total": "0.005",
                   "managed": "0.005", "external": "0", "external_value": "0"},
                  {"currency": "ETH", "free": "0.5", "locked": "0", "total": "0.5",
                   "managed": "0.5", "external": "0", "external_value": null},
                  {"currency": "KRW", "free": "1000000", "locked": "50000", "total": "1050000",
                   "managed": "1050000", "external": "0", "external_value": "0"}]}
                """);
    }

    @Test
    void positionsAreValuedAtTheNewestTickOrElseTheirAveragePrice() throws IOException {
        dashboard.assertJson(
                "/api/positions",
                """
                {"time": "2024-03-01T05:00:00Z", "positions": [
                  {"symbol": "BTC/KRW", "quantity": "0.005", "average_price": "95047500", "price": "97000000",
                   "price_time": "2024-03-01T05:00:00Z", "value": "485000", "cost": "475237.5",
                   "unrealized_pnl": "9762.5", "unrealized_pnl_pct": "2.05", "dust": false},
                  {"symbol": "ETH/KRW", "quantity": "0.5", "average_price": "4002000", "price": "4002000",
                   "price_time": null, "value": "2001000", "cost": "2001000",
                   "unrealized_pnl": "0", "unrealized_pnl_pct": "0.00", "dust": false}]}
                """);
    }

    @Test
    void pnlOfAPaperAccountCountsFromItsInitialBalance() throws IOException {
        dashboard.assertJson(
                "/api/pnl",
                """
                {"currency": "KRW", "as_of": "2024-03-01T05:00:00Z", "day": "2024-03-01",
                 "equity": "3585000", "day_start_equity": "3550000", "today_pnl": "35000", "today_pnl_pct": "0.99",
                 "today_realized_pnl": "4522.5", "unrealized_pnl": "9762.5",
                 "inception_equity": "3000000", "since_inception_pnl": "585000", "since_inception_pct": "19.50",
                 "realized_pnl_total": "33557.5", "fees_total": "2680"}
                """);
    }

    @Test
    void pnlOfALiveLoopCountsFromTheFirstDayStartEquity() {
        dashboard.control.state =
                new TradingState(true, TradingState.Runner.THIS_SERVER, TradingMode.LIVE, null, null, false, null);

        JsonNode pnl = dashboard.get("/api/pnl").json();

        assertThat(pnl.get("inception_equity").asText()).isEqualTo("3400000");
        assertThat(pnl.get("since_inception_pnl").asText()).isEqualTo("185000");
        assertThat(pnl.get("since_inception_pct").asText()).isEqualTo("5.44");
    }

    @Test
    void ordersArePagedNewestFirst() {
        JsonNode first = dashboard.get("/api/orders?limit=2").json();
        JsonNode last = dashboard.get("/api/orders?limit=2&offset=4").json();

        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(first.get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("offset").asInt()).isZero();
        assertThat(ids(first.get("orders"))).containsExactly("o-open", "o-sell2");
        assertThat(ids(last.get("orders"))).containsExactly("o-buy2", "o-buy1");
        assertThat(last.get("offset").asInt()).isEqualTo(4);
        assertThat(dashboard.get("/api/orders").json().get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void anOrderHasEveryDocumentedField() throws IOException {
        JsonNode orders = dashboard.get("/api/orders?limit=3").json().get("orders");

        assertThat(orders.get(1))
                .isEqualTo(
                        JSON.readTree(
                                """
                {"client_order_id": "o-sell2", "exchange_order_id": "uuid-o-sell2", "symbol": "BTC/KRW",
                 "side": "SELL", "type": "LIMIT", "price": "96000000", "quantity": "0.01",
                 "filled_quantity": "0.005", "status": "PARTIALLY_FILLED", "status_reason": null,
                 "created_at": "2024-03-01T03:00:00Z", "updated_at": "2024-03-01T03:00:00Z"}
                """));
        assertThat(orders.get(2).get("type").asText()).isEqualTo("MARKET");
        assertThat(orders.get(2).get("price").isNull()).isTrue();
    }

    @Test
    void openOrdersAreThoseThatCanStillFill() {
        JsonNode open = dashboard.get("/api/orders/open").json();

        assertThat(ids(open.get("orders"))).containsExactly("o-sell2", "o-open");
    }

    @Test
    void safetyEventsAreNewestFirst() throws IOException {
        dashboard.assertJson(
                "/api/safety-events?limit=2",
                """
                {"events": [
                  {"time": "2024-03-01T04:45:00Z", "type": "KILL_SWITCH_ACTIVATED", "severity": "CRITICAL",
                   "symbol": null, "message": "kill switch activated", "details": {}},
                  {"time": "2024-03-01T04:30:00Z", "type": "PRICE_ANOMALY", "severity": "HIGH",
                   "symbol": "BTC/KRW", "message": "price jumped", "details": {"change_pct": "10.5"}}]}
                """);
        assertThat(dashboard.get("/api/safety-events?limit=1").json().get("events"))
                .hasSize(1);
    }

    @Test
    void decisionsOfAllKindsAreNewestFirst() {
        JsonNode decisions = dashboard.get("/api/decisions").json().get("decisions");

        assertThat(decisions).hasSize(6);
        assertThat(decisions.findValuesAsText("kind"))
                .containsExactly("llm_advice", "strategy", "strategy", "strategy", "strategy", "risk");
        assertThat(decisions.get(0).get("details"))
                .isEqualTo(JSON.createObjectNode().put("confidence", 0.7).put("risk_notes", ""));
    }

    @Test
    void decisionsCanBeFilteredByKind() throws IOException {
        JsonNode risk = dashboard.get("/api/decisions?kind=risk").json().get("decisions");

        assertThat(risk).hasSize(1);
        assertThat(risk.get(0).get("id").isIntegralNumber()).isTrue();
        JsonNode withoutId = ((ObjectNode) risk.get(0)).without("id");
        assertThat(withoutId)
                .isEqualTo(
                        JSON.readTree(
                                """
                {"time": "2024-03-01T02:59:00Z", "kind": "risk", "symbol": "BTC/KRW", "side": "SELL",
                 "decision": "APPROVED", "check": "ALL", "reason": "within limits", "notional": "480000",
                 "intent_id": "intent-o-sell2", "details": {}}
                """));
        assertThat(dashboard.get("/api/decisions?kind=strategy&limit=2").json().get("decisions"))
                .hasSize(2);
    }

    @Test
    void badQueryParametersAreRefused() {
        List<String> bad = List.of(
                "/api/orders?limit=0",
                "/api/orders?limit=501",
                "/api/orders?limit=abc",
                "/api/orders?limit=1.5",
                "/api/orders?limit=",
                "/api/orders?limit=99999999999999",
                "/api/orders?offset=-1",
                "/api/safety-events?limit=-5",
                "/api/decisions?limit=1000",
                "/api/decisions?kind=bogus",
                "/api/audit?limit=x",
                "/api/charts/equity?points=0",
                "/api/charts/equity?points=2001",
                "/api/charts/price?limit=2001",
                "/api/charts/price?symbol=XRP/KRW",
                "/api/charts/price?symbol=not-a-pair");
        for (String path : bad) {
            Answer answer = dashboard.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(path).isNotBlank();
        }
        assertJsonError(dashboard.get("/api/orders?limit=501"), 400, "limit must be an integer from 1 to 500");
        assertJsonError(dashboard.get("/api/charts/price?symbol=XRP/KRW"), 400, "unknown symbol XRP/KRW");
    }

    @Test
    void limitsAtTheEdgesAreAccepted() {
        assertThat(dashboard.get("/api/orders?limit=500&offset=0").status()).isEqualTo(200);
        assertThat(dashboard.get("/api/orders?limit=1&offset=100").json().get("orders"))
                .isEmpty();
        assertThat(dashboard.get("/api/charts/equity?points=2000").status()).isEqualTo(200);
        assertThat(dashboard.get("/api/charts/price?limit=2000").status()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode orders) {
        return orders.findValuesAsText("client_order_id");
    }
}
