package io.cointrader.llm.oauth;

import io.cointrader.config.LlmSettings;
import io.cointrader.core.Secret;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in with a ChatGPT account: reuses the token file when it exists (unless a fresh login is
 * forced), otherwise runs the browser flow with PKCE and stores the tokens. Interactive: call it
 * from the command that starts the advisor, not from the trading loop.
 */
public final class OAuthLogin {

    /** How long the user has to finish the login in the browser. */
    public static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(OAuthLogin.class);

    private final LlmSettings settings;
    private final TokenStore store;
    private final TokenClient tokenClient;
    private final Browser browser;
    private final PrintWriter out;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration callbackTimeout;

    public OAuthLogin(
            LlmSettings settings,
            TokenStore store,
            TokenClient tokenClient,
            Browser browser,
            PrintWriter out,
            Clock clock,
            SecureRandom random,
            Duration callbackTimeout) {
        this.settings = settings;
        this.store = store;
        this.tokenClient = tokenClient;
        this.browser = browser;
        this.out = out;
        this.clock = clock;
        this.random = random;
        this.callbackTimeout = callbackTimeout;
    }

    /** The production wiring: the system browser, a new HTTP client, a 5-minute callback wait. */
    public static OAuthLogin fromSettings(LlmSettings settings, PrintWriter out, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new OAuthLogin(
                settings,
                new TokenStore(settings.oauthAuthFile()),
                new TokenClient(http, settings.oauthIssuer(), settings.timeout()),
                new DesktopBrowser(),
                out,
                clock,
                new SecureRandom(),
                DEFAULT_CALLBACK_TIMEOUT);
    }

    /** A session from the token file, or from a new browser login when there is none or one is forced. */
    public OAuthSession session() {
        Optional<OAuthTokens> stored = settings.oauthForceLogin() ? Optional.empty() : store.load();
        OAuthTokens tokens = stored.orElseGet(this::interactiveLogin);
        return new OAuthSession(tokens, store, tokenClient, clock);
    }

    /** Runs the browser flow now and stores the tokens, replacing any stored ones. */
    public OAuthTokens interactiveLogin() {
        Pkce pkce = Pkce.generate(random);
        try (CallbackServer callback = CallbackServer.start(settings.oauthCallbackPort(), pkce.state())) {
            String redirectUri = AuthorizeUrl.redirectUri(callback.port());
            URI url = AuthorizeUrl.build(settings.oauthIssuer(), redirectUri, pkce);
            boolean opened = settings.oauthOpenBrowser() && browser.open(url);
            out.println(
                    opened
                            ? "A browser was opened to log in to ChatGPT. If it did not open, use this URL: " + url
                            : "Open this URL to log in: " + url);
            out.flush();
            Secret code = callback.awaitCode(callbackTimeout);
            TokenGrant grant = tokenClient.exchangeCode(code, redirectUri, Secret.of(pkce.verifier()));
            OAuthTokens tokens = OAuthTokens.fromLogin(grant, clock);
            store.save(tokens);
            LOG.info("Logged in to ChatGPT; tokens stored in {}", store.file());
            out.println("Login complete; tokens stored in " + store.file());
            out.flush();
            return tokens;
        }
    }
}
