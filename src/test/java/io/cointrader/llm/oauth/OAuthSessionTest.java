package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthSessionTest {

    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    FakeHttp issuer;
    TokenStore store;

    @BeforeEach
    void start() throws Exception {
        issuer = new FakeHttp();
        store = new TokenStore(dir.resolve("auth.json"));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    OAuthSession session(Instant accessExpiry) {
        OAuthTokens tokens = new OAuthTokens(
                Secret.of(TestJwts.token("acct-1", accessExpiry, "id-old")),
                Secret.of(TestJwts.token("acct-1", accessExpiry, "access-old")),
                Secret.of("CANARY-refresh-old"),
                "acct-1",
                accessExpiry,
                NOW.minusSeconds(3600));
        store.save(tokens);
        return new OAuthSession(tokens, store, tokenClient(), clock);
    }

    TokenClient tokenClient() {
        return new TokenClient(HttpClient.newHttpClient(), issuer.uri(""), Duration.ofSeconds(5));
    }

    static String refreshed(Instant exp) {
        return "{\"access_token\":\"" + TestJwts.token("acct-1", exp, "access-new")
                + "\",\"refresh_token\":\"CANARY-refresh-new\",\"expires_in\":3600}";
    }

    @Test
    void anExpiredAccessTokenIsRefreshedFirstAndTheNewRefreshTokenPersisted() throws Exception {
        issuer.on("/oauth/token", FakeHttp.json(200, refreshed(NOW.plusSeconds(3600))));
        OAuthSession session = session(NOW.minusSeconds(60));

        Secret token = session.accessToken();

        assertThat(JwtClaims.parse(token.reveal()).expiresAt()).contains(NOW.plusSeconds(3600));
        var request = issuer.requestsTo("/oauth/token").get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        var body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("grant_type").asText()).isEqualTo("refresh_token");
        assertThat(body.path("refresh_token").asText()).isEqualTo("CANARY-refresh-old");
        assertThat(body.path("client_id").asText()).isEqualTo("app_EMoamEEZ73f0CkXaXp7hrann");
        OAuthTokens stored = store.load().orElseThrow();
        assertThat(stored.refreshToken().reveal()).isEqualTo("CANARY-refresh-new");
        assertThat(stored.accessToken()).isEqualTo(token);
        assertThat(stored.idToken().reveal()).contains(TestJwts.token("acct-1", NOW.minusSeconds(60), "id-old"));
        assertThat(stored.lastRefresh()).isEqualTo(NOW);
    }

    @Test
    void aTokenWithMoreThanFiveMinutesLeftIsUsedAsIsAndOneWithLessIsRefreshed() {
        issuer.on("/oauth/token", FakeHttp.json(200, refreshed(NOW.plusSeconds(7200))));
        OAuthSession session = session(NOW.plusSeconds(600));

        Secret first = session.accessToken();
        assertThat(issuer.requests).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        Secret second = session.accessToken();
        assertThat(issuer.requests).hasSize(1);
        assertThat(second).isNotEqualTo(first);
        assertThat(session.accessToken()).isEqualTo(second);
        assertThat(issuer.requests).hasSize(1);
    }

    @Test
    void aReusedRefreshTokenMeansLogInAgain() {
        issuer.on(
                "/oauth/token",
                FakeHttp.json(400, "{\"error\":{\"code\":\"refresh_token_reused\",\"message\":\"already used\"}}"));
        OAuthSession session = session(NOW.minusSeconds(1));

        LlmException e = catchThrowableOfType(session::accessToken, LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).contains("refresh_token_reused").contains("log in again");
        assertThat(issuer.requests).hasSize(1);
        assertThat(store.load().orElseThrow().refreshToken().reveal()).isEqualTo("CANARY-refresh-old");
    }

    @Test
    void aRejectedJsonRefreshIsRetriedOnceFormEncoded() {
        issuer.on(
                "/oauth/token",
                FakeHttp.json(415, "{\"error\":\"unsupported_media_type\"}"),
                FakeHttp.json(200, refreshed(NOW.plusSeconds(3600))));
        OAuthSession session = session(NOW.minusSeconds(1));

        session.accessToken();

        assertThat(issuer.requests).hasSize(2);
        var form = issuer.requests.get(1);
        assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.form())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "CANARY-refresh-old")
                .containsEntry("client_id", "app_EMoamEEZ73f0CkXaXp7hrann");
        assertThat(store.load().orElseThrow().refreshToken().reveal()).isEqualTo("CANARY-refresh-new");
    }

    @Test
    void errorsInTheFlatShapeAndA401AreAlsoPermanent() {
        issuer.on(
                "/oauth/token",
                FakeHttp.json(400, "{\"error\":\"refresh_token_expired\",\"error_description\":\"expired\"}"),
                FakeHttp.json(401, "{\"error\":\"whatever\"}"));
        OAuthSession session = session(NOW.minusSeconds(1));

        assertThat(catchThrowableOfType(session::accessToken, LlmException.class)
                        .kind())
                .isEqualTo(Kind.AUTH);
        assertThat(catchThrowableOfType(session::accessToken, LlmException.class)
                        .getMessage())
                .contains("HTTP 401");
    }

    @Test
    void aServerErrorOnRefreshIsTransient() {
        issuer.on("/oauth/token", FakeHttp.json(503, "{\"error\":\"temporarily_unavailable\"}"));
        OAuthSession session = session(NOW.minusSeconds(1));

        LlmException e = catchThrowableOfType(session::accessToken, LlmException.class);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.transientFailure()).isTrue();
    }

    @Test
    void aForcedRefreshAfter401HappensOnceForTheRejectedToken() {
        issuer.on("/oauth/token", FakeHttp.json(200, refreshed(NOW.plusSeconds(3600))));
        OAuthSession session = session(NOW.plusSeconds(3600));
        Secret rejected = session.accessToken();

        Secret fresh = session.refreshAfterUnauthorized(rejected);
        Secret again = session.refreshAfterUnauthorized(rejected);

        assertThat(fresh).isNotEqualTo(rejected).isEqualTo(again);
        assertThat(issuer.requests).hasSize(1);
        assertThat(Files.exists(store.file())).isTrue();
    }
}
