package io.cointrader.app;

import io.cointrader.config.ConfigException;
import io.cointrader.config.LlmSettings;
import io.cointrader.config.Settings;
import io.cointrader.llm.BackgroundAdvisor;
import io.cointrader.llm.LlmAdvisor;
import io.cointrader.llm.LlmClient;
import io.cointrader.llm.LlmClients;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.oauth.CodexClient;
import io.cointrader.llm.oauth.OAuthLogin;
import io.cointrader.llm.oauth.OAuthSession;
import io.cointrader.llm.oauth.OAuthTokens;
import io.cointrader.llm.oauth.TokenClient;
import io.cointrader.llm.oauth.TokenStore;
import io.cointrader.state.StateStore;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the optional LLM advisor from the settings: the API-key client (OpenAI or Anthropic) or the
 * Codex client of a ChatGPT login, asked on a background thread. The advisor's step never reaches the
 * order path; when it cannot be built, the run goes on without advice and says so once.
 *
 * <p>Two clocks: the trading clock stamps questions and recorded advice, and so decides which day of
 * the budget a call counts against (on replay, the simulated day); real time bounds the calls and
 * paces the pauses after failures, because those are about a real server.
 */
final class AdvisorWiring {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private AdvisorWiring() {}

    /** The advisor step of a tick; {@link AdvisorStep#none} when the advisor is off or unavailable. */
    static AdvisorStep step(Settings settings, StateStore store, Clock tradingClock, Consumer<String> notice) {
        return advisor(settings.llm(), notice)
                .map(advisor -> new AdvisorStep(
                        Optional.of(BackgroundAdvisor.start(
                                advisor,
                                new AdviceRecorder(store, tradingClock),
                                settings.symbols().size())),
                        tradingClock))
                .orElseGet(AdvisorStep::none);
    }

    /** The advisor the settings ask for; empty when it is off or cannot be built (said through notice). */
    static Optional<LlmAdvisor> advisor(LlmSettings llm, Consumer<String> notice) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        return client(llm, notice).map(client -> LlmAdvisor.fromSettings(llm, client, Clock.systemUTC()));
    }

    /**
     * For {@code trader run} at a terminal: the ChatGPT login when the OAuth mode has no token file yet
     * (or LLM_OAUTH_FORCE_LOGIN). A failed login leaves the advisor off; trading does not depend on it.
     */
    static void loginIfNeeded(Settings settings, PrintWriter out) {
        LlmSettings llm = settings.llm();
        if (!llm.enabled() || !llm.authMode().equals("oauth")) {
            return;
        }
        if (Files.exists(llm.oauthAuthFile()) && !llm.oauthForceLogin()) {
            return;
        }
        try {
            out.println("LLM advisor: log in with your ChatGPT account.");
            out.flush();
            OAuthLogin.fromSettings(llm, out, Clock.systemUTC()).session();
            out.println("LLM advisor: logged in; tokens in " + Display.path(llm.oauthAuthFile()));
        } catch (LlmException e) {
            out.println("LLM advisor: login failed (" + e.getMessage() + "); trading goes on without advice");
        }
        out.flush();
    }

    static Optional<LlmClient> client(LlmSettings llm, Consumer<String> notice) {
        HttpClient http = LlmClients.httpClient(CONNECT_TIMEOUT);
        if (llm.authMode().equals("api_key")) {
            try {
                return Optional.of(LlmClients.fromSettings(llm, http, Clock.systemUTC()));
            } catch (IllegalArgumentException e) {
                notice.accept("note: the LLM advisor is off: " + e.getMessage());
                return Optional.empty();
            }
        }
        TokenStore tokens = new TokenStore(llm.oauthAuthFile());
        Optional<OAuthTokens> stored;
        try {
            stored = tokens.load();
        } catch (LlmException e) {
            notice.accept("note: the LLM advisor is off: " + e.getMessage());
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            notice.accept("note: the LLM advisor is off: no ChatGPT login in " + Display.path(llm.oauthAuthFile())
                    + " (run 'trader run' at a terminal once to log in)");
            return Optional.empty();
        }
        OAuthSession session = new OAuthSession(
                stored.get(), tokens, new TokenClient(http, llm.oauthIssuer(), llm.timeout()), Clock.systemUTC());
        try {
            return Optional.of(CodexClient.fromSettings(llm, session));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "LLM_OAUTH_MODEL", e.getMessage(), "a model of the allow-list (LLM_OAUTH_MODELS)");
        }
    }
}
