package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.testing.LiveAccountStory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading endpoints over {@link LiveAccountStory}: a live account whose exchange holds coins the
 * trader did not buy, and a position worth less than the minimum order.
 */
class ExternalHoldingsEndpointsTest {

    @TempDir
    Path dir;

    private DashboardHarness dashboard;

    @BeforeEach
    void start() {
        dashboard = DashboardHarness.start(
                dir,
                Map.of(
                        "EXCHANGE", "upbit",
                        "TRADING_MODE", "live",
                        "TRADING_SYMBOLS", "BTC/KRW,ETH/KRW,XRP/KRW"));
        LiveAccountStory.tell(dashboard.store);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    @Test
    void balancesSayPerCurrencyWhatTheTraderManagesAndWhatItDoesNot() {
        dashboard.assertJson(
                "/api/balances",
                """
                {"time": "2024-03-01T05:00:00Z", "balances": [
                  {"currency": "BTC", "free": "0.015", "locked": "0.005", "total": "0.02",
                   "managed": "0.01", "external": "0.01", "external_value": "970000"},
                  {"currency": "DOGE", "free": "100", "locked": "0", "total": "100",
                   "managed": "0", "external": "100", "external_value": null},
                  {"currency": "ETH", "free": "0.3", "locked": "0", "total": "0.3",
                   "managed": "0", "external": "0.3", "external_value": "1200000"},
                  {"currency": "KRW", "free": "1000000", "locked": "190000", "total": "1190000",
                   "managed": "1190000", "external": "0", "external_value": "0"},
                  {"currency": "XRP", "free": "0.5", "locked": "0", "total": "0.5",
                   "managed": "0.5", "external": "0", "external_value": "0"}]}
                """);
    }

    @Test
    void positionsMarkDustAndLeaveNothingOut() {
        dashboard.assertJson(
                "/api/positions",
                """
                {"time": "2024-03-01T05:00:00Z", "positions": [
                  {"symbol": "BTC/KRW", "quantity": "0.01", "average_price": "90045000", "price": "97000000",
                   "price_time": "2024-03-01T05:00:00Z", "value": "970000", "cost": "900450",
                   "unrealized_pnl": "69550", "unrealized_pnl_pct": "7.72", "dust": false},
                  {"symbol": "XRP/KRW", "quantity": "0.5", "average_price": "800.4", "price": "700",
                   "price_time": "2024-03-01T05:00:00Z", "value": "350", "cost": "400.2",
                   "unrealized_pnl": "-50.2", "unrealized_pnl_pct": "-12.54", "dust": true}]}
                """);
    }

    @Test
    void pnlCountsOnlyTheTradersOwnHoldings() {
        JsonNode pnl = dashboard.get("/api/pnl").json();

        assertThat(pnl.get("equity").asText()).isEqualTo("2160350");
        assertThat(pnl.get("day_start_equity").asText()).isEqualTo("2100000");
        assertThat(pnl.get("today_pnl").asText()).isEqualTo("60350");
        assertThat(pnl.get("today_pnl_pct").asText()).isEqualTo("2.87");
        assertThat(pnl.get("unrealized_pnl").asText()).isEqualTo("69499.8");
    }

    @Test
    void ordersCarryWhyTheTraderCancelledThem() {
        JsonNode orders = dashboard.get("/api/orders").json().get("orders");
        JsonNode open = dashboard.get("/api/orders/open").json().get("orders");

        assertThat(reasonOf(orders, "o-timeout")).isEqualTo(LiveAccountStory.TIMEOUT_REASON);
        assertThat(reasonOf(open, "o-sell-wait")).isEqualTo(LiveAccountStory.CANCEL_REQUESTED);
        assertThat(reasonOf(open, "o-open")).isNull();
    }

    private static String reasonOf(JsonNode orders, String clientOrderId) {
        for (JsonNode order : orders) {
            if (order.get("client_order_id").asText().equals(clientOrderId)) {
                JsonNode reason = order.get("status_reason");
                return reason.isNull() ? null : reason.asText();
            }
        }
        throw new AssertionError(clientOrderId + " not in " + orders);
    }
}
