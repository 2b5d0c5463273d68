package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.web.DashboardHarness.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring: headers, static files, pages, session delegation and every kind of error answer. */
class DashboardServerTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String UPLOT = "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";

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
    void urlNamesTheLoopbackAddressAndTheBoundPort() {
        assertThat(dashboard.server.port()).isPositive();
        assertThat(dashboard.server.url()).isEqualTo("http://127.0.0.1:" + dashboard.server.port() + "/");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        List<Answer> answers = List.of(
                dashboard.get("/api/status"),
                dashboard.get("/api/no-such-thing"),
                dashboard.get("/api/orders?limit=zero"),
                dashboard.post("/api/status", "{}"),
                dashboard.get(UPLOT),
                dashboard.get("/"),
                dashboard.get("/login"),
                dashboard.get("/assets/no-such-file.js"));
        for (Answer answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(CSP);
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void apiAnswersAreNotCachedButTheWebjarIs() {
        assertThat(dashboard.get("/api/status").header("Cache-Control")).isEqualTo("no-store");
        assertThat(dashboard.get("/api/no-such-thing").header("Cache-Control")).isEqualTo("no-store");
        assertThat(dashboard.get(UPLOT).header("Cache-Control")).doesNotContain("no-store");
    }

    @Test
    void servesTheUplotWebjar() {
        Answer answer = dashboard.get(UPLOT);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).contains("javascript");
        assertThat(answer.body()).startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.30) */");
    }

    @Test
    void servesEachPageFromTheClasspathOrAnswersNotFoundAsJson() throws IOException {
        assertPage("/", "web/index.html");
        assertPage("/login", "web/login.html");
    }

    @Test
    void missingAssetIsJsonNotFound() {
        assertJsonError(dashboard.get("/assets/no-such-file.js"), 404, "not found");
    }

    @Test
    void unknownApiPathIsJsonNotFound() {
        assertJsonError(dashboard.get("/api/no-such-thing"), 404, "not found");
        assertJsonError(dashboard.post("/api/no-such-thing", "{}"), 404, "not found");
    }

    @Test
    void wrongMethodIsJsonMethodNotAllowed() {
        assertJsonError(dashboard.post("/api/status", "{}"), 405, "method not allowed");
        assertJsonError(dashboard.get("/api/trading/start"), 405, "method not allowed");
        assertJsonError(
                dashboard.send(dashboard
                        .request("/api/orders")
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build()),
                405,
                "method not allowed");
    }

    @Test
    void bodyOverSixteenKibibytesIsJsonContentTooLarge() {
        String big = "{\"reason\":\"" + "x".repeat(17 * 1024) + "\"}";

        assertJsonError(
                dashboard.post("/api/kill-switch/activate", big), 413, "request body too large (at most 16 KiB)");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
    }

    @Test
    void chunkedBodyOverTheLimitIsAlsoContentTooLarge() {
        byte[] big = ("{\"reason\":\"" + "x".repeat(17 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = dashboard
                .request("/api/kill-switch/activate")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", OpenGuard.CSRF_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        assertJsonError(dashboard.send(request), 413, "request body too large (at most 16 KiB)");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String start = "{\"reason\":\"padded\"";
        String body = start + " ".repeat(16 * 1024 - start.length() - 1) + "}";
        assertThat(body.length()).isEqualTo(16 * 1024);

        Answer answer = dashboard.post("/api/kill-switch/activate", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(dashboard.killSwitch.isActive()).isTrue();
    }

    @Test
    void unexpectedFailureIsInternalErrorWithoutDetails() {
        dashboard.control.failure = new IllegalStateException("detail-that-must-stay-in-the-log");

        Answer answer = dashboard.post("/api/trading/stop", "{}");

        assertJsonError(answer, 500, "internal error");
        assertThat(answer.body()).doesNotContain("detail-that-must-stay-in-the-log", "Exception", "\tat ");
    }

    @Test
    void noErrorAnswerCarriesAStackTraceOrHtml() {
        dashboard.control.refusal =
                new ControlRefusedException(ControlRefusedException.Reason.CONFLICT, "already running");
        List<Answer> errors = new ArrayList<>(List.of(
                dashboard.get("/api/orders?limit=-1"),
                dashboard.get("/api/nope"),
                dashboard.post("/api/status", "{}"),
                dashboard.post("/api/trading/start", "{\"mode\":"),
                dashboard.post("/api/trading/start", "{\"mode\": \"paper\"}"),
                dashboard.post("/api/kill-switch/activate", "{\"reason\": \"" + "x".repeat(20_000) + "\"}")));
        dashboard.control.refusal = null;
        dashboard.control.failure = new IllegalStateException("boom");
        errors.add(dashboard.post("/api/trading/stop", "{}"));

        assertThat(errors).extracting(Answer::status).containsExactly(400, 404, 405, 400, 409, 413, 500);
        for (Answer error : errors) {
            assertThat(error.header("Content-Type")).startsWith("application/json");
            assertThat(error.body()).doesNotContain("\tat ", "Exception", "<html", "io.cointrader", "boom");
        }
    }

    @Test
    void malformedRequestsGetJsonErrorsFromJettyToo() throws IOException {
        String badUri = raw("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String hugeHeader = raw("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        for (String answer : List.of(badUri, hugeHeader)) {
            assertThat(answer).startsWith("HTTP/1.1 4");
            assertThat(answer.toLowerCase()).contains("content-type: application/json");
            assertThat(answer).contains("X-Content-Type-Options: nosniff");
            assertThat(answer).contains("{\"error\":\"").doesNotContain("<html", "<h1");
        }
        assertThat(badUri).startsWith("HTTP/1.1 400").endsWith("{\"error\":\"bad request\"}");
        assertThat(hugeHeader).startsWith("HTTP/1.1 431").endsWith("{\"error\":\"request headers too large\"}");
    }

    @Test
    void jettysOwnRefusalOfAnyMethodIsJson() throws IOException {
        for (String method : List.of("PUT", "PATCH", "DELETE", "OPTIONS")) {
            String noHost = raw(method + " /api/status HTTP/1.1\r\nConnection: close\r\n\r\n");

            assertThat(noHost).as(method).startsWith("HTTP/1.1 400").endsWith("{\"error\":\"bad request\"}");
            assertThat(noHost.toLowerCase()).as(method).contains("content-type: application/json");
        }
    }

    @Test
    void aConnectRequestIsRefusedAndTheConnectionClosedAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.server.port())) {
            // Jetty's idle timeout is 30 s: an answer that ends within 5 s did not wait for it
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 405").endsWith("{\"error\":\"method not allowed\"}");
            assertThat(answer.toLowerCase()).contains("connection: close");
        }
    }

    @Test
    void anUnknownHttpVersionIsNamedNotCalledAnInternalError() throws IOException {
        String answer = raw("GET /api/status HTTP/7.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 505").endsWith("{\"error\":\"HTTP version not supported\"}");
    }

    @Test
    void brokenChunkedBodyIsABadRequest() throws IOException {
        String answer = raw("POST /api/kill-switch/activate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nX-CSRF-Token: " + OpenGuard.CSRF_TOKEN + "\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").endsWith("{\"error\":\"bad request\"}");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
        assertThat(dashboard.store.recentEvents("web_control", 10))
                .singleElement()
                .satisfies(e -> assertThat(e.payloadJson()).contains("\"result\":\"refused\""));
    }

    @Test
    void theGuardRunsBeforeEveryRequestAndItsRefusalIsJson() {
        dashboard.guard.refusal = new WebError(429, "too many wrong codes", 900);

        for (String path : List.of("/api/status", UPLOT, "/", "/api/no-such-thing")) {
            Answer answer = dashboard.get(path);
            assertJsonError(answer, 429, "too many wrong codes");
            assertThat(answer.header("Retry-After")).isEqualTo("900");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertJsonError(dashboard.post("/api/kill-switch/activate", "{}"), 429, "too many wrong codes");
        assertThat(dashboard.killSwitch.isActive()).isFalse();
    }

    @Test
    void aRefusalWithoutWaitHasNoRetryAfter() {
        dashboard.guard.refusal = new WebError(401, "login required");

        Answer answer = dashboard.get("/api/status");

        assertJsonError(answer, 401, "login required");
        assertThat(answer.header("Retry-After")).isNull();
    }

    @Test
    void sessionEndpointsAreTheGuards() {
        Answer session = dashboard.get("/api/session");
        Answer login = dashboard.post("/api/login", "{\"code\":\"x\"}");
        Answer logout = dashboard.post("/api/logout", null);

        assertThat(session.json().get("csrf_token").asText()).isEqualTo(OpenGuard.CSRF_TOKEN);
        assertThat(login.json().get("authenticated").asBoolean()).isTrue();
        assertThat(logout.json().get("authenticated").asBoolean()).isFalse();
        assertThat(dashboard.guard.calls).containsExactly("session", "login", "logout");
    }

    private void assertPage(String path, String resource) throws IOException {
        Answer answer = dashboard.get(path);
        try (InputStream page = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (page == null) {
                assertJsonError(answer, 404, "not found");
            } else {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.header("Content-Type")).startsWith("text/html");
                assertThat(answer.body()).isEqualTo(new String(page.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    static void assertJsonError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo(message);
        assertThat(answer.json().size()).isEqualTo(1);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
