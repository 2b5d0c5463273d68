package io.cointrader.llm.oauth;

import io.cointrader.core.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live login: hands out an access token that is valid for at least five more minutes,
 * refreshing first when needed. Refreshes are single-flight (one lock) because refresh tokens are
 * single-use, and the new tokens are on disk before anyone uses them. Thread-safe.
 */
public final class OAuthSession {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(OAuthSession.class);

    private final TokenStore store;
    private final TokenClient tokenClient;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile OAuthTokens tokens;

    public OAuthSession(OAuthTokens tokens, TokenStore store, TokenClient tokenClient, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.store = store;
        this.tokenClient = tokenClient;
        this.clock = clock;
    }

    /** A token with at least {@link #REFRESH_MARGIN} left, refreshed and persisted first if needed. */
    public Secret accessToken() {
        OAuthTokens current = tokens;
        if (!expiresSoon(current)) {
            return current.accessToken();
        }
        refreshLock.lock();
        try {
            if (expiresSoon(tokens)) {
                refresh("the access token expires at " + tokens.expiresAt());
            }
            return tokens.accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * After the backend answered 401 to {@code rejected}: one forced refresh, unless another caller
     * already replaced that token, in which case the newer one is returned.
     */
    public Secret refreshAfterUnauthorized(Secret rejected) {
        refreshLock.lock();
        try {
            if (tokens.accessToken().equals(rejected)) {
                refresh("the backend refused the access token");
            }
            return tokens.accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    /** Every token this session holds, so error text echoed by a server can be masked. */
    Secret[] secrets() {
        OAuthTokens t = tokens;
        return new Secret[] {t.accessToken(), t.refreshToken(), t.idToken()};
    }

    /** The id for the {@code chatgpt-account-id} header (may be empty if no token carried one). */
    public String accountId() {
        return tokens.accountId();
    }

    private boolean expiresSoon(OAuthTokens t) {
        return !clock.instant().plus(REFRESH_MARGIN).isBefore(t.expiresAt());
    }

    private void refresh(String why) {
        LOG.info("Refreshing the ChatGPT login: {}", why);
        OAuthTokens refreshed = tokens.refreshedWith(tokenClient.refresh(tokens.refreshToken()), clock);
        // The old refresh token is spent now: the new one must be on disk before the new access token is used.
        store.save(refreshed);
        tokens = refreshed;
        LOG.info("ChatGPT login refreshed; the access token is valid until {}", refreshed.expiresAt());
    }
}
