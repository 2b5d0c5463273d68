package io.cointrader.web;

import static io.cointrader.web.DashboardServerTest.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.config.TradingMode;
import io.cointrader.state.StoredEvent;
import io.cointrader.web.DashboardHarness.Answer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, stop and the kill switch: request checking, refusals, answers and the audit trail. */
class ControlEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant LOOP_START = Instant.parse("2024-03-01T06:00:01Z");

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
    void startAnswersAcceptedWithTheTradingObject() throws IOException {
        dashboard.control.answer = new TradingState(
                true, TradingState.Runner.THIS_SERVER, TradingMode.PAPER, LOOP_START, null, false, null);

        Answer answer = dashboard.post("/api/trading/start", "{\"mode\": \"paper\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json())
                .isEqualTo(
                        JSON.readTree(
                                """
                {"running": true, "runner": "this_server", "mode": "paper", "started_at": "2024-03-01T06:00:01Z",
                 "stopped_at": null, "stopping": false, "last_error": null}
                """));
        assertThat(dashboard.control.starts).containsExactly(new StartRequest(TradingMode.PAPER, "", "local"));
    }

    @Test
    void startLiveHandsOverTheTypedPhraseButNeverRecordsIt() {
        dashboard.control.answer = new TradingState(
                true, TradingState.Runner.THIS_SERVER, TradingMode.LIVE, LOOP_START, null, false, null);

        Answer answer = dashboard.post(
                "/api/trading/start", "{\"mode\": \" LIVE \", \"confirmation\": \"I_UNDERSTAND_LIVE_TRADING\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(dashboard.control.starts)
                .containsExactly(new StartRequest(TradingMode.LIVE, "I_UNDERSTAND_LIVE_TRADING", "local"));
        assertThat(rawAudit()).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .doesNotContain("I_UNDERSTAND")
                .contains("\"result\":\"ok\"", "\"detail\":\"mode live\""));
    }

    @Test
    void unknownOrMissingModeIsBadRequest() {
        assertJsonError(
                dashboard.post("/api/trading/start", "{\"mode\": \"futures\"}"), 400, "mode must be paper or live");
        assertJsonError(dashboard.post("/api/trading/start", "{\"mode\": null}"), 400, "mode must be paper or live");
        assertJsonError(dashboard.post("/api/trading/start", "{}"), 400, "mode must be paper or live");
        assertJsonError(dashboard.post("/api/trading/start", null), 400, "a JSON body is required");
        assertThat(dashboard.control.starts).isEmpty();
    }

    @Test
    void malformedBodiesAreBadRequests() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("{\"mode\": \"paper\", \"mode\": \"live\"}", "the body is not valid JSON"),
                Map.entry("{\"mode\": \"paper\", \"extra\": 1}", "unknown field 'extra'"),
                Map.entry("{\"mode\": 1}", "field 'mode' has the wrong type"),
                Map.entry("{\"mode\": true}", "field 'mode' has the wrong type"),
                Map.entry("{\"mode\": [\"paper\"]}", "field 'mode' has the wrong type"),
                Map.entry("{\"mode\": \"paper\"", "the body is not valid JSON"),
                Map.entry("{mode: paper}", "the body is not valid JSON"),
                Map.entry("[]", "the body must be a JSON object"),
                Map.entry("\"paper\"", "the body must be a JSON object"),
                Map.entry("{\"mode\": \"paper\"} {}", "the body is not valid JSON"));
        bodies.forEach((body, message) -> {
            Answer answer = dashboard.post("/api/trading/start", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(body).isEqualTo(message);
        });
        assertThat(dashboard.control.starts).isEmpty();
    }

    @Test
    void aCharsetTheServerDoesNotKnowIsUnsupportedNotAnInternalError() {
        for (String charset : List.of("x-bogus", "", "\"utf-16\"")) {
            HttpRequest request = dashboard
                    .request("/api/kill-switch/activate")
                    .header("X-CSRF-Token", OpenGuard.CSRF_TOKEN)
                    .header("Content-Type", "application/json; charset=" + charset)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"x\"}"))
                    .build();

            DashboardHarness.Answer answer = dashboard.send(request);

            assertThat(answer.status()).as(charset + ": " + answer.body()).isIn(200, 415);
        }
    }

    @Test
    void bodyThatIsNotDeclaredJsonIsUnsupported() {
        HttpRequest request = dashboard
                .request("/api/kill-switch/activate")
                .header("X-CSRF-Token", OpenGuard.CSRF_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"x\"}"))
                .build();

        assertJsonError(dashboard.send(request), 415, "the body must be sent as Content-Type: application/json");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
    }

    @Test
    void refusalsMapToTheirStatus() {
        Map<ControlRefusedException.Reason, Integer> statuses = Map.of(
                ControlRefusedException.Reason.CONFLICT, 409,
                ControlRefusedException.Reason.FORBIDDEN, 403,
                ControlRefusedException.Reason.BAD_REQUEST, 400);
        statuses.forEach((reason, status) -> {
            dashboard.control.refusal = new ControlRefusedException(reason, "refused because " + reason);
            assertJsonError(
                    dashboard.post("/api/trading/start", "{\"mode\": \"live\"}"), status, "refused because " + reason);
        });
        dashboard.control.refusal =
                new ControlRefusedException(ControlRefusedException.Reason.CONFLICT, "no loop runs here");
        assertJsonError(dashboard.post("/api/trading/stop", "{}"), 409, "no loop runs here");
    }

    @Test
    void stopWaitsTenSecondsAndAnswersWithTheTradingObject() {
        dashboard.control.answer = new TradingState(
                false,
                TradingState.Runner.NONE,
                TradingMode.PAPER,
                LOOP_START,
                LOOP_START.plusSeconds(30),
                false,
                null);

        Answer withoutBody = dashboard.post("/api/trading/stop", null);
        Answer withEmptyObject = dashboard.post("/api/trading/stop", "{}");

        assertThat(withoutBody.status()).isEqualTo(200);
        assertThat(withEmptyObject.status()).isEqualTo(200);
        assertThat(withoutBody.json().get("stopped_at").asText()).isEqualTo("2024-03-01T06:00:31Z");
        assertThat(withoutBody.json().get("runner").asText()).isEqualTo("none");
        assertThat(dashboard.control.stops).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertJsonError(dashboard.post("/api/trading/stop", "{\"now\": true}"), 400, "unknown field 'now'");
    }

    @Test
    void killSwitchActivatesWithTheReasonAndTheDashboardAsSource() throws IOException {
        Answer answer = dashboard.post("/api/kill-switch/activate", "{\"reason\": \"manual check\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json())
                .isEqualTo(
                        JSON.readTree(
                                """
                {"kill_switch": {"active": true, "reason": "manual check", "source": "web:local",
                                 "since": "2024-03-01T06:00:00Z"}}
                """));
        assertThat(dashboard.killSwitch.isActive()).isTrue();
    }

    @Test
    void killSwitchChangesFromThePageAreSafetyEventsAsFromTheCli() {
        dashboard.post("/api/kill-switch/activate", "{\"reason\": \"manual check\"}");
        dashboard.post("/api/kill-switch/deactivate", "{}");
        dashboard.post("/api/kill-switch/deactivate", "{}");

        assertThat(dashboard.store.recentSafetyEvents(10))
                .extracting(e -> e.type() + " " + e.severity() + " " + e.message())
                .containsExactly(
                        "KILL_SWITCH_RELEASED HIGH kill switch released from the dashboard (web:local)",
                        "KILL_SWITCH_ACTIVATED CRITICAL kill switch activated from the dashboard (web:local):"
                                + " manual check");
    }

    @Test
    void killSwitchActivatesWithoutABody() {
        Answer answer = dashboard.post("/api/kill-switch/activate", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("kill_switch").get("active").asBoolean()).isTrue();
        assertThat(dashboard.killSwitch.status().reason()).isEqualTo("(no reason given)");
    }

    @Test
    void reasonLongerThanTwoHundredCharactersIsRefused() {
        String reason = "r".repeat(201);

        assertJsonError(
                dashboard.post("/api/kill-switch/activate", "{\"reason\": \"" + reason + "\"}"),
                400,
                "reason must be at most 200 characters");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
        assertThat(dashboard
                        .post("/api/kill-switch/activate", "{\"reason\": \"" + "r".repeat(200) + "\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void killSwitchDeactivates() throws IOException {
        dashboard.killSwitch.activate("test", "cli");

        Answer answer = dashboard.post("/api/kill-switch/deactivate", "{\"reason\": \"checked\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json())
                .isEqualTo(
                        JSON.readTree(
                                """
                {"kill_switch": {"active": false, "reason": null, "source": null, "since": null}}
                """));
        assertThat(dashboard.killSwitch.isActive()).isFalse();
    }

    @Test
    void everyControlActionIsAuditedNewestFirst() throws IOException {
        dashboard.control.answer = new TradingState(
                true, TradingState.Runner.THIS_SERVER, TradingMode.PAPER, LOOP_START, null, false, null);
        dashboard.post("/api/trading/start", "{\"mode\": \"paper\"}");
        dashboard.clock.advance(Duration.ofSeconds(1));
        dashboard.post("/api/kill-switch/activate", "{\"reason\": \"line one\\nline two\"}");
        dashboard.clock.advance(Duration.ofSeconds(1));
        dashboard.post("/api/kill-switch/deactivate", null);
        dashboard.clock.advance(Duration.ofSeconds(1));
        dashboard.control.refusal =
                new ControlRefusedException(ControlRefusedException.Reason.CONFLICT, "already running");
        dashboard.post("/api/trading/start", "{\"mode\": \"paper\"}");
        dashboard.clock.advance(Duration.ofSeconds(1));
        dashboard.post("/api/trading/start", "{\"mode\": \"moon\"}");
        dashboard.clock.advance(Duration.ofSeconds(1));
        dashboard.control.failure = new IllegalStateException("disk on fire");
        dashboard.control.refusal = null;
        dashboard.post("/api/trading/stop", null);

        JsonNode events = dashboard.get("/api/audit").json().get("events");

        assertThat(events)
                .isEqualTo(
                        JSON.readTree(
                                """
                [{"time": "2024-03-01T06:00:05Z", "action": "trading_stop", "who": "local", "result": "error",
                  "detail": "internal error"},
                 {"time": "2024-03-01T06:00:04Z", "action": "trading_start", "who": "local", "result": "refused",
                  "detail": "mode must be paper or live"},
                 {"time": "2024-03-01T06:00:03Z", "action": "trading_start", "who": "local", "result": "refused",
                  "detail": "already running"},
                 {"time": "2024-03-01T06:00:02Z", "action": "kill_switch_deactivate", "who": "local",
                  "result": "ok", "detail": "released"},
                 {"time": "2024-03-01T06:00:01Z", "action": "kill_switch_activate", "who": "local",
                  "result": "ok", "detail": "line one line two"},
                 {"time": "2024-03-01T06:00:00Z", "action": "trading_start", "who": "local", "result": "ok",
                  "detail": "mode paper"}]
                """));
        assertThat(dashboard.get("/api/audit?limit=2").json().get("events")).hasSize(2);
        assertThat(rawAudit()).allSatisfy(e -> assertThat(e.payloadJson()).contains("\"remote\":\"127.0.0.1\""));
    }

    @Test
    void requestsRefusedForTheirBodyAreAuditedToo() {
        dashboard.post("/api/kill-switch/activate", "{\"reason\": 5}");
        dashboard.post("/api/kill-switch/activate", "{\"reason\": \"" + "x".repeat(17 * 1024) + "\"}");

        assertThat(rawAudit())
                .extracting(StoredEvent::payloadJson)
                .allSatisfy(p -> assertThat(p).contains("\"result\":\"refused\""))
                .anySatisfy(p -> assertThat(p).contains("field 'reason' has the wrong type"))
                .anySatisfy(p -> assertThat(p).contains("request body too large"));
    }

    private List<StoredEvent> rawAudit() {
        return dashboard.store.recentEvents("web_control", 100);
    }
}
