package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without a master code: no login, but loopback hosts only and still the CSRF token on every POST. */
class WebSecurityLocalTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    private final GuardedApp app = new GuardedApp(new WebSecurity(SecurityConfig.defaults(Optional.empty()), clock));

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sessionIsAuthenticatedWithoutALogin() {
        Browser.Answer answer = new Browser(app).openSession();

        assertThat(answer.json().path("auth_required").asBoolean()).isFalse();
        assertThat(answer.json().path("authenticated").asBoolean()).isTrue();
    }

    @Test
    void readsNeedNoSessionAndPagesNoRedirect() {
        Browser browser = new Browser(app);

        assertThat(browser.get("/api/ping").status()).isEqualTo(200);
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void postWorksWithTheSessionsTokenOnly() {
        Browser browser = new Browser(app);
        Browser.Answer noSession = browser.post("/api/echo", "{}", "application/json", "made-up");
        browser.openSession();

        Browser.Answer without = browser.post("/api/echo", "{}", "application/json", null);
        Browser.Answer with = browser.postJson("/api/echo", "{\"a\":1}");

        assertThat(noSession.status()).isEqualTo(403);
        assertThat(without.status()).isEqualTo(403);
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).contains("{\\\"a\\\":1}");
    }

    @Test
    void loginAnswersThatNoCodeIsSet() {
        Browser browser = new Browser(app);
        browser.openSession();

        Browser.Answer answer = browser.login("anything");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("no master code is set");
    }

    @Test
    void whoIsLocal() {
        assertThat(new Browser(app).get("/api/who").body()).isEqualTo("local");
    }

    @Test
    void foreignHostIsRefusedWith421() throws IOException {
        int port = app.port();

        assertThat(app.rawGet("/api/ping", "evil.example:" + port))
                .startsWith("HTTP/1.1 421")
                .contains("unknown host");
        assertThat(app.rawGet("/", "localhost.evil.example:" + port)).startsWith("HTTP/1.1 421");
        assertThat(app.rawGet("/api/session", "127.0.0.2:" + port)).startsWith("HTTP/1.1 421");
    }

    @Test
    void loopbackHostNamesAreServedOnAnyPort() throws IOException {
        assertThat(app.rawGet("/api/ping", "127.0.0.1:" + app.port())).startsWith("HTTP/1.1 200");
        assertThat(app.rawGet("/api/ping", "localhost:8000")).startsWith("HTTP/1.1 200");
        assertThat(app.rawGet("/api/ping", "LOCALHOST")).startsWith("HTTP/1.1 200");
        assertThat(app.rawGet("/api/ping", "[::1]:" + app.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void requestWithoutAHostIsRefused() throws IOException {
        String answer = app.raw("GET /api/ping HTTP/1.0\r\n\r\n");

        assertThat(answer).doesNotStartWith("HTTP/1.1 200").doesNotContain("pong");
    }
}
