package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import io.cointrader.core.Secret;
import io.cointrader.llm.LlmRequest;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that echo every token back: no exception message and no log line may carry one. */
class OAuthSecretsCanaryTest {

    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    static final String ACCESS = TestJwts.token("acct-c", NOW.minusSeconds(10), "CANARYaccess");
    static final String ID = TestJwts.token("acct-c", NOW.minusSeconds(10), "CANARYid");
    static final String REFRESH = "CANARYrefresh-8c1f0e";
    static final String NEW_ACCESS = TestJwts.token("acct-c", NOW.plusSeconds(3600), "CANARYnewaccess");
    static final String CODE = "CANARYcode-77aa";
    static final String VERIFIER = "CANARYverifier-0123456789";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW);
    LogCapture logs;
    FakeHttp server;

    @BeforeEach
    void capture() throws Exception {
        logs = LogCapture.of("io.cointrader", Level.TRACE);
        server = new FakeHttp();
    }

    @AfterEach
    void restore() {
        logs.close();
        server.close();
    }

    static String echo(String what) {
        return "{\"error\":{\"code\":\"refresh_token_reused\",\"message\":\"bad " + what + "\"},\"detail\":\"" + what
                + "\"}";
    }

    @Test
    void noTokenCodeOrVerifierReachesAnExceptionOrALogLine() {
        String all = ACCESS + " " + ID + " " + REFRESH + " " + NEW_ACCESS + " " + CODE + " " + VERIFIER;
        // The backend only ever saw the session's tokens; the token endpoint saw everything.
        String seen = ACCESS + " " + ID + " " + REFRESH + " " + NEW_ACCESS + " CANARYrefresh-new";
        server.on(
                        "/oauth/token",
                        FakeHttp.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + all + "\"}"),
                        FakeHttp.json(
                                200,
                                "{\"access_token\":\"" + NEW_ACCESS + "\",\"refresh_token\":\"CANARYrefresh-new\"}"),
                        FakeHttp.json(401, echo(seen)))
                .on(
                        "/codex/responses",
                        FakeHttp.json(429, echo(seen)),
                        FakeHttp.json(400, "{\"detail\":\"" + seen + "\"}"),
                        FakeHttp.stream("data: {\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"x\","
                                + "\"message\":\"" + seen + "\"}}}\n\n"),
                        FakeHttp.json(401, echo(seen)));
        TokenClient tokenClient = new TokenClient(HttpClient.newHttpClient(), server.uri(""), Duration.ofSeconds(5));
        TokenStore store = new TokenStore(dir.resolve("auth.json"));
        OAuthTokens tokens = new OAuthTokens(Secret.of(ID), Secret.of(ACCESS), Secret.of(REFRESH), "acct-c", NOW, NOW);
        OAuthSession session = new OAuthSession(tokens, store, tokenClient, clock);
        CodexClient codex = new CodexClient(
                HttpClient.newHttpClient(),
                server.uri("/codex"),
                "gpt-5.1",
                session,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        LlmRequest request = new LlmRequest("system", "user", 100);

        List<Throwable> thrown = new ArrayList<>();
        thrown.add(catchThrowable(
                () -> tokenClient.exchangeCode(Secret.of(CODE), "http://localhost:1/cb", Secret.of(VERIFIER))));
        thrown.add(catchThrowable(() -> codex.complete(request)));
        thrown.add(catchThrowable(() -> codex.complete(request)));
        thrown.add(catchThrowable(() -> codex.complete(request)));
        thrown.add(catchThrowable(() -> codex.complete(request)));
        thrown.add(catchThrowable(() -> {
            throw new IllegalStateException(tokens + " " + Pkce.generate(new java.security.SecureRandom()));
        }));

        assertThat(thrown).hasSize(6).allSatisfy(t -> assertThat(t).isNotNull());
        // The last 401 triggers a refresh that is itself refused, so no retry follows.
        assertThat(server.requestsTo("/codex/responses")).hasSize(4);
        List<String> texts = new ArrayList<>();
        thrown.forEach(t -> texts.add(String.valueOf(t.getMessage())));
        logs.events().forEach(e -> texts.add(e.getFormattedMessage()));
        assertThat(logs.events()).isNotEmpty();
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContain("CANARY")
                .doesNotContain(ACCESS.substring(0, 40))
                .doesNotContain(NEW_ACCESS.substring(40)));
    }
}
