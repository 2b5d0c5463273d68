package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions, CSRF, origin, content type and page redirects over real HTTP, with a master code set. */
class WebSecurityTest {

    private static final String CODE = "open-sesame-4821";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    private final GuardedApp app =
            new GuardedApp(new WebSecurity(SecurityConfig.defaults(Optional.of(Secret.of(CODE))), clock));

    @AfterEach
    void stop() {
        app.close();
    }

    private Browser loggedIn() {
        Browser browser = new Browser(app);
        browser.openSession();
        assertThat(browser.login(CODE).status()).isEqualTo(200);
        return browser;
    }

    @Test
    void anonymousSessionSaysALoginIsRequired() {
        Browser.Answer answer = new Browser(app).openSession();

        assertThat(answer.json().path("auth_required").asBoolean()).isTrue();
        assertThat(answer.json().path("authenticated").asBoolean()).isFalse();
        assertThat(answer.json().path("csrf_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndBoundedByTheMaximumLifetime() {
        Browser.Answer answer = new Browser(app).openSession();

        assertThat(answer.setCookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("ct_session=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/")
                .contains("Max-Age=43200"));
    }

    @Test
    void apiNeedsALoginEvenWithAValidAnonymousSessionAndToken() {
        Browser browser = new Browser(app);
        browser.openSession();

        Browser.Answer read = browser.get("/api/ping");
        Browser.Answer write = browser.postJson("/api/echo", "{\"a\":1}");

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.error()).isEqualTo("login required");
        assertThat(write.status()).isEqualTo(401);
        assertThat(app.echoes()).isZero();
    }

    @Test
    void pageRedirectsToLoginWithoutRunningItsHandler() {
        Browser browser = new Browser(app);

        Browser.Answer page = browser.get("/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/login");
        assertThat(app.pageViews()).isZero();
        assertThat(browser.get("/login").status()).isEqualTo(200);
        assertThat(browser.get("/assets/app.js").status()).isEqualTo(200);
    }

    @Test
    void loggedInBrowserReachesPagesAndApi() {
        Browser browser = loggedIn();

        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(app.pageViews()).isEqualTo(1);
        assertThat(browser.get("/api/ping").body()).isEqualTo("{\"pong\":true}");
        assertThat(browser.postJson("/api/echo", "{\"a\":1}").status()).isEqualTo(200);
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean())
                .isTrue();
    }

    @Test
    void postWithoutOrWithAWrongCsrfTokenIsRefused() {
        Browser browser = loggedIn();

        Browser.Answer without = browser.post("/api/echo", "{}", "application/json", null);
        Browser.Answer wrong = browser.post("/api/echo", "{}", "application/json", browser.csrfToken + "x");
        Browser.Answer right = browser.post("/api/echo", "{}", "application/json", browser.csrfToken);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.error()).isEqualTo("missing or wrong CSRF token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(right.status()).isEqualTo(200);
        assertThat(app.echoes()).isEqualTo(1);
    }

    @Test
    void loginItselfNeedsTheCsrfTokenOfTheSession() {
        Browser browser = new Browser(app);
        browser.openSession();

        Browser.Answer answer = browser.post("/api/login", "{\"code\":\"" + CODE + "\"}", "application/json", null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("missing or wrong CSRF token");
    }

    @Test
    void crossSiteOriginIsRefusedAndOwnOriginAccepted() {
        Browser browser = loggedIn();

        Browser.Answer foreign =
                browser.post("/api/echo", "{}", "application/json", browser.csrfToken, "Origin", "http://evil.example");
        Browser.Answer own =
                browser.post("/api/echo", "{}", "application/json", browser.csrfToken, "Origin", app.base());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.error()).isEqualTo("cross-site request refused");
        assertThat(own.status()).isEqualTo(200);
        assertThat(app.echoes()).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotJsonIsRefusedWith415() {
        Browser browser = loggedIn();

        Browser.Answer text = browser.post("/api/echo", "a=1", "application/x-www-form-urlencoded", browser.csrfToken);
        Browser.Answer noType = browser.post("/api/echo", "{}", null, browser.csrfToken);
        Browser.Answer withCharset =
                browser.post("/api/echo", "{}", "application/json; charset=utf-8", browser.csrfToken);
        Browser.Answer empty = browser.post("/api/echo", null, null, browser.csrfToken);

        assertThat(text.status()).isEqualTo(415);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(withCharset.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
    }

    @Test
    void sessionIdChangesAtLoginAndTheOldOneIsGone() {
        Browser browser = new Browser(app);
        browser.openSession();
        String before = browser.sessionId;
        String anonymousToken = browser.csrfToken;

        browser.login(CODE);

        assertThat(browser.sessionId).isNotEqualTo(before);
        assertThat(browser.csrfToken).isNotEqualTo(anonymousToken);
        assertThat(browser.get("/api/ping").status()).isEqualTo(200);
        Browser stale = new Browser(app);
        stale.sessionId = before;
        assertThat(stale.get("/api/ping").status()).isEqualTo(401);
        assertThat(stale.post("/api/echo", "{}", "application/json", anonymousToken)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void sessionExpiresAfterThirtyMinutesIdleButUseKeepsItAlive() {
        Browser browser = loggedIn();

        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/api/ping").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/api/ping").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));

        assertThat(browser.get("/api/ping").status()).isEqualTo(401);
        assertThat(browser.get("/api/session").json().path("authenticated").asBoolean())
                .isFalse();
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        Browser browser = loggedIn();
        String id = browser.sessionId;

        Browser.Answer answer = browser.postJson("/api/logout", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("authenticated").asBoolean()).isFalse();
        assertThat(answer.setCookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("ct_session=;")
                .contains("Expires=Thu, 01 Jan 1970")
                .containsIgnoringCase("SameSite=Strict"));
        Browser replay = new Browser(app);
        replay.sessionId = id;
        assertThat(replay.get("/api/ping").status()).isEqualTo(401);
    }

    @Test
    void whoNamesTheSessionByADigestNotByItsId() {
        Browser browser = loggedIn();

        String who = browser.get("/api/who").body();

        assertThat(who).matches("session:[0-9a-f]{8}");
        assertThat(browser.sessionId).doesNotContain(who.substring("session:".length()));
    }

    @Test
    void publicPrefixesCannotBeWalkedOutOf() throws IOException {
        String host = "127.0.0.1:" + app.port();

        String[] paths = {
            "/assets/../api/ping", "/assets/%2e%2e/api/ping", "/webjars/..%2fapi/ping", "/assets//api/ping"
        };
        for (String path : paths) {
            String answer = app.rawGet(path, host);
            // treated as a page that needs a login, not as a public asset
            assertThat(answer).as(path).startsWith("HTTP/1.1 302").contains("Location: /login");
        }
    }

    @Test
    void anyHostIsServedWhenAMasterCodeGuardsTheDashboard() throws IOException {
        String answer = app.rawGet("/api/session", "dashboard.example:8000");

        assertThat(answer).startsWith("HTTP/1.1 200");
    }
}
