package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthLoginTest {

    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    static final String CODE = "CANARY-code-5d1e";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    final StringWriter printed = new StringWriter();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    final List<CompletableFuture<HttpResponse<String>>> browserVisits = new CopyOnWriteArrayList<>();
    FakeHttp issuer;

    @AfterEach
    void stop() {
        issuer.close();
    }

    /** The user's browser: visits the authorize URL and follows the redirect to the callback. */
    Browser browser() {
        return url -> {
            browserVisits.add(
                    http.sendAsync(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()));
            return true;
        };
    }

    /** An issuer whose authorize page redirects back with {@code callbackQuery(state)}. */
    FakeHttp issuerRedirecting(java.util.function.Function<Map<String, String>, String> callbackQuery)
            throws Exception {
        issuer = new FakeHttp();
        issuer.on("/oauth/authorize", (exchange, request) -> {
            Map<String, String> q = request.query();
            exchange.getResponseHeaders().set("Location", q.get("redirect_uri") + "?" + callbackQuery.apply(q));
            exchange.sendResponseHeaders(302, -1);
        });
        issuer.on(
                "/oauth/token",
                FakeHttp.json(
                        200,
                        "{\"id_token\":\"" + TestJwts.token("acct-42", NOW.plusSeconds(3600), "id") + "\","
                                + "\"access_token\":\"" + TestJwts.token("acct-42", NOW.plusSeconds(3600), "access")
                                + "\",\"refresh_token\":\"CANARY-refresh-1\",\"expires_in\":3600}"));
        return issuer;
    }

    OAuthLogin login(boolean force) {
        TokenStore store = new TokenStore(dir.resolve("auth/codex-auth.json"));
        var settings = TestSettings.oauth(store.file(), issuer.uri(""), issuer.uri("/codex"), force, List.of());
        return new OAuthLogin(
                settings,
                store,
                new TokenClient(http, issuer.uri(""), Duration.ofSeconds(5)),
                browser(),
                new PrintWriter(printed),
                clock,
                new SecureRandom(),
                Duration.ofSeconds(20));
    }

    @Test
    void fullPkceRoundTripStoresOwnerOnlyTokensWithTheAccountFromTheIdToken() throws Exception {
        issuerRedirecting(q -> "code=" + CODE + "&state=" + q.get("state"));

        OAuthSession session = login(false).session();

        Map<String, String> authorize =
                issuer.requestsTo("/oauth/authorize").get(0).query();
        assertThat(authorize)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "app_EMoamEEZ73f0CkXaXp7hrann")
                .containsEntry("scope", "openid profile email offline_access")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("id_token_add_organizations", "true")
                .containsEntry("codex_cli_simplified_flow", "true")
                .containsEntry("originator", "codex_cli_rs")
                .containsKeys("code_challenge", "state")
                .hasSize(10);
        assertThat(authorize.get("redirect_uri")).matches("http://localhost:\\d+/auth/callback");
        assertThat(authorize.get("state")).hasSize(43);

        Map<String, String> token = issuer.requestsTo("/oauth/token").get(0).form();
        assertThat(issuer.requestsTo("/oauth/token").get(0).header("Content-Type"))
                .isEqualTo("application/x-www-form-urlencoded");
        assertThat(token)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", CODE)
                .containsEntry("client_id", "app_EMoamEEZ73f0CkXaXp7hrann")
                .containsEntry("redirect_uri", authorize.get("redirect_uri"));
        assertThat(token.get("code_verifier")).hasSize(86);
        assertThat(Pkce.challengeOf(token.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));

        Path file = dir.resolve("auth/codex-auth.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("CANARY-refresh-1").contains("\"account_id\" : \"acct-42\"");
        assertThat(session.accountId()).isEqualTo("acct-42");

        HttpResponse<String> page = browserVisits.get(0).get();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You can close this tab");
        assertThat(printed.toString())
                .contains(authorize.get("code_challenge"))
                .doesNotContain(token.get("code_verifier"));
    }

    @Test
    void wrongStateFailsTheLoginAndStoresNothing() throws Exception {
        issuerRedirecting(q -> "code=" + CODE + "&state=forged");

        LlmException e = catchThrowableOfType(() -> login(false).session(), LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).contains("State mismatch");
        assertThat(browserVisits.get(0).get().statusCode()).isEqualTo(400);
        assertThat(browserVisits.get(0).get().body()).contains("State mismatch");
        assertThat(issuer.requestsTo("/oauth/token")).isEmpty();
        assertThat(dir.resolve("auth/codex-auth.json")).doesNotExist();
    }

    @Test
    void accessDeniedIsAClearFailure() throws Exception {
        issuerRedirecting(
                q -> "error=access_denied&error_description=missing_codex_entitlement&state=" + q.get("state"));

        LlmException e = catchThrowableOfType(() -> login(false).session(), LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).contains("access_denied").contains("no Codex access");
        assertThat(dir.resolve("auth/codex-auth.json")).doesNotExist();
    }

    @Test
    void anExistingTokenFileIsUsedWithoutABrowserUnlessALoginIsForced() throws Exception {
        issuerRedirecting(q -> "code=" + CODE + "&state=" + q.get("state"));
        login(false).session();
        assertThat(browserVisits).hasSize(1);

        OAuthSession again = login(false).session();
        assertThat(browserVisits).hasSize(1);
        assertThat(again.accountId()).isEqualTo("acct-42");

        login(true).session();
        assertThat(browserVisits).hasSize(2);
    }

    @Test
    void withoutABrowserTheUrlIsPrintedWithStateAndChallengeButNoVerifier() throws Exception {
        issuerRedirecting(q -> "code=" + CODE + "&state=" + q.get("state"));
        TokenStore store = new TokenStore(dir.resolve("auth/codex-auth.json"));
        var settings = TestSettings.oauth(store.file(), issuer.uri(""), issuer.uri("/codex"), false, List.of());
        Browser none = url -> false;
        OAuthLogin login = new OAuthLogin(
                settings,
                store,
                new TokenClient(http, issuer.uri(""), Duration.ofSeconds(5)),
                none,
                new PrintWriter(printed),
                clock,
                new SecureRandom(),
                Duration.ofSeconds(20));
        CompletableFuture<OAuthSession> session = CompletableFuture.supplyAsync(login::session);

        String url = awaitPrintedUrl();
        http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(session.get().accountId()).isEqualTo("acct-42");
        Map<String, String> query = FakeHttp.decode(URI.create(url).getRawQuery());
        String verifier = issuer.requestsTo("/oauth/token").get(0).form().get("code_verifier");
        assertThat(query).containsKeys("state", "code_challenge").doesNotContainKey("code_verifier");
        assertThat(printed.toString()).startsWith("Open this URL to log in: ").doesNotContain(verifier);
    }

    private String awaitPrintedUrl() throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            String text = printed.toString();
            int at = text.indexOf("http");
            if (at >= 0 && text.indexOf('\n', at) > 0) {
                return text.substring(at, text.indexOf('\n', at)).strip();
            }
            Thread.onSpinWait();
            Thread.sleep(5);
        }
        throw new AssertionError("no URL printed");
    }
}
