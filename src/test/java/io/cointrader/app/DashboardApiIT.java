package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.state.SqliteStateStore;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's JSON API, served by a real {@code trader web} process over the database of a real
 * paper run on the replay exchange.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiIT {

    @TempDir
    static Path dir;

    private DashboardProcess web;

    @BeforeAll
    void startDashboard() throws Exception {
        web = DashboardProcess.start(dir, Map.of());
        web.openSession();
    }

    @AfterAll
    void stopDashboard() throws Exception {
        if (web != null) {
            int exit = web.stop();
            assertThat(exit).as(web.output()).isIn(0, 130, 143);
        }
    }

    @Test
    @Order(1)
    void statusDescribesTheAccountAndTheLastTickOfEverySymbol() throws Exception {
        JsonNode status = web.getJson("/api/status");

        assertThat(status.path("mode").asText()).isEqualTo("paper");
        assertThat(status.path("exchange").asText()).isEqualTo("replay");
        assertThat(status.path("auth_required").asBoolean()).isFalse();
        assertThat(status.path("kill_switch").path("active").asBoolean()).isFalse();
        assertThat(status.path("trading").path("running").asBoolean()).isFalse();
        assertThat(status.path("trading").path("runner").asText()).isEqualTo("none");
        assertThat(status.path("market_clock").asText()).startsWith("2025-11-19T23:59");
        List<String> ticked = new ArrayList<>();
        status.path("last_ticks").forEach(t -> {
            ticked.add(t.path("symbol").asText());
            assertThat(new BigDecimal(t.path("price").asText())).isPositive();
        });
        assertThat(ticked).containsExactlyInAnyOrder("BTC/KRW", "ETH/KRW");
    }

    @Test
    @Order(2)
    void equityIsCashPlusPositionsAtTheLastPrices() throws Exception {
        JsonNode pnl = web.getJson("/api/pnl");
        JsonNode balances = web.getJson("/api/balances");
        JsonNode positions = web.getJson("/api/positions");

        BigDecimal cash = BigDecimal.ZERO;
        for (JsonNode b : balances.path("balances")) {
            if (b.path("currency").asText().equals("KRW")) {
                cash = new BigDecimal(b.path("total").asText());
            }
        }
        BigDecimal held = BigDecimal.ZERO;
        for (JsonNode p : positions.path("positions")) {
            held = held.add(new BigDecimal(p.path("value").asText()));
        }
        assertThat(cash).isPositive();
        assertThat(new BigDecimal(pnl.path("equity").asText())).isEqualByComparingTo(cash.add(held));
        assertThat(new BigDecimal(pnl.path("inception_equity").asText())).isEqualByComparingTo("1000000");
        assertThat(new BigDecimal(pnl.path("since_inception_pnl").asText()))
                .isEqualByComparingTo(cash.add(held).subtract(new BigDecimal("1000000")));
        assertThat(new BigDecimal(pnl.path("fees_total").asText())).isPositive();
    }

    @Test
    @Order(3)
    void ordersArePagedNewestFirstAndMatchTheDatabase() throws Exception {
        JsonNode first = web.getJson("/api/orders?limit=10&offset=0");
        JsonNode second = web.getJson("/api/orders?limit=10&offset=10");

        long total;
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("data/coin_trader.db"))) {
            total = store.orderCount();
        }
        assertThat(total).isGreaterThan(20);
        assertThat(first.path("total").asLong()).isEqualTo(total);
        Set<String> ids = new HashSet<>();
        List<String> created = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            assertThat(page.path("orders")).hasSize(10);
            page.path("orders").forEach(o -> {
                ids.add(o.path("client_order_id").asText());
                created.add(o.path("created_at").asText());
            });
        }
        assertThat(ids).hasSize(20);
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    @Order(4)
    void chartsCarryTheStrategysEmasAndEveryFillAsAMarker() throws Exception {
        JsonNode chart = web.getJson("/api/charts/price?symbol=BTC/KRW&limit=2000");
        JsonNode equity = web.getJson("/api/charts/equity?points=100");

        assertThat(chart.path("points").size()).isGreaterThan(100);
        JsonNode last = chart.path("points").get(chart.path("points").size() - 1);
        assertThat(last.path("price").asDouble()).isPositive();
        assertThat(last.path("fast_ema").asDouble()).isPositive();
        assertThat(last.path("slow_ema").asDouble()).isPositive();
        assertThat(chart.path("fills").size()).isPositive();
        assertThat(equity.path("points").size()).isBetween(50, 101);
    }

    @Test
    @Order(5)
    void decisionsAndSafetyEventsAreListed() throws Exception {
        JsonNode risk = web.getJson("/api/decisions?kind=risk&limit=5");
        JsonNode all = web.getJson("/api/decisions?limit=5");

        assertThat(risk.path("decisions")).hasSize(5);
        risk.path("decisions").forEach(d -> assertThat(d.path("kind").asText()).isEqualTo("risk"));
        assertThat(all.path("decisions")).hasSize(5);
        assertThat(web.getJson("/api/safety-events?limit=5").has("events")).isTrue();
        assertThat(web.getJson("/api/orders/open").has("orders")).isTrue();
    }

    @Test
    @Order(6)
    void killSwitchFromThePageStopsTradingAndIsAudited() throws Exception {
        HttpResponse<String> on = web.post("/api/kill-switch/activate", "{\"reason\":\"checking the page\"}");

        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isTrue();
        assertThat(web.getJson("/api/status").path("kill_switch").path("active").asBoolean())
                .isTrue();
        HttpResponse<String> off = web.post("/api/kill-switch/deactivate", "{}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isFalse();
        JsonNode audit = web.getJson("/api/audit?limit=5");
        List<String> actions = new ArrayList<>();
        audit.path("events").forEach(e -> {
            actions.add(e.path("action").asText());
            assertThat(e.path("who").asText()).isEqualTo("local");
        });
        assertThat(actions).contains("kill_switch_activate", "kill_switch_deactivate");
    }

    @Test
    @Order(7)
    void startRunsTheRestOfTheReplayAndStopEndsIt() throws Exception {
        HttpResponse<String> started = web.post("/api/trading/start", "{\"mode\":\"paper\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(DashboardProcess.parse(started.body()).path("running").asBoolean())
                .isTrue();

        HttpResponse<String> again = web.post("/api/trading/start", "{\"mode\":\"paper\"}");
        assertThat(again.statusCode()).as(again.body()).isIn(409, 400);

        HttpResponse<String> stopped = web.post("/api/trading/stop", "{}");
        assertThat(stopped.statusCode()).as(stopped.body()).isIn(200, 409);
        JsonNode trading = web.getJson("/api/status").path("trading");
        assertThat(trading.path("running").asBoolean()).isFalse();
        assertThat(trading.path("last_error").isNull()).as(trading.toString()).isTrue();
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("data/coin_trader.db"))) {
            assertThat(store.recentEvents("run_started", 5)).hasSize(2);
        }
    }

    @Test
    @Order(8)
    void badInputGetsAClearFourHundredNeverAStackTrace() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                web.post("/api/trading/start", "{\"mode\":"),
                web.post("/api/trading/start", "{\"mode\":5}"),
                web.post("/api/trading/start", "{\"mode\":\"futures\"}"),
                web.post("/api/kill-switch/activate", "{\"reason\":\"" + "x".repeat(300) + "\"}"),
                web.post("/api/kill-switch/activate", "{\"reason\":\"" + "x".repeat(20_000) + "\"}"),
                web.get("/api/orders?limit=abc"),
                web.get("/api/orders?limit=100000"),
                web.get("/api/charts/price?symbol=DOGE/KRW"),
                web.get("/api/nothing-here"));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(DashboardProcess.parse(answer.body()).path("error").asText())
                    .isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.", "<html");
        }
        assertThat(answers.get(4).statusCode()).isEqualTo(413);
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isFalse();
    }

    @Test
    @Order(9)
    void postsWithoutTheCsrfTokenOrFromAnotherSiteAreRefused() throws Exception {
        HttpResponse<String> noToken = web.send(HttpRequest.newBuilder(web.uri("/api/kill-switch/activate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> crossSite = web.send(HttpRequest.newBuilder(web.uri("/api/kill-switch/activate"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(Files.exists(dir.resolve("RUN/kill_switch"))).isFalse();
    }

    @Test
    @Order(10)
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/status", "/assets/app.js", "/api/nothing-here")) {
            HttpResponse<String> answer = web.get(path);
            assertThat(answer.headers().firstValue("content-security-policy"))
                    .as(path)
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(answer.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("x-frame-options")).hasValue("DENY");
        }
    }

    @Test
    @Order(11)
    void aForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        java.net.URI uri = web.uri("/api/status");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.getOutputStream()
                    .write(("GET /api/status HTTP/1.1\r\nHost: attacker.example:" + uri.getPort()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("\"mode\"");
        }
    }
}
