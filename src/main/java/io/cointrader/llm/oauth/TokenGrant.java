package io.cointrader.llm.oauth;

import io.cointrader.core.Secret;
import java.util.Optional;

/**
 * What the token endpoint returned. A code exchange returns all three tokens; a refresh may leave
 * any of them out, and only what came back replaces the stored value.
 */
public record TokenGrant(
        Optional<Secret> idToken, Optional<Secret> accessToken, Optional<Secret> refreshToken, long expiresInSeconds) {

    /** Used when the endpoint does not say how long the access token lives. */
    public static final long DEFAULT_EXPIRES_IN = 3600;
}
