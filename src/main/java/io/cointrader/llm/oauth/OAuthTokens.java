package io.cointrader.llm.oauth;

import io.cointrader.core.Secret;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in ChatGPT account: its three tokens, the account id for the {@code chatgpt-account-id}
 * header, when the access token expires and when it was last refreshed. {@code toString} shows no token.
 */
public record OAuthTokens(
        Secret idToken,
        Secret accessToken,
        Secret refreshToken,
        String accountId,
        Instant expiresAt,
        Instant lastRefresh) {

    public OAuthTokens {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastRefresh, "lastRefresh");
    }

    /** Tokens from a code exchange, which returns all three. */
    public static OAuthTokens fromLogin(TokenGrant grant, Clock clock) {
        Secret id = grant.idToken().orElseThrow();
        Secret access = grant.accessToken().orElseThrow();
        return new OAuthTokens(
                id,
                access,
                grant.refreshToken().orElseThrow(),
                accountIdOf(id, access, ""),
                expiryOf(access, grant.expiresInSeconds(), clock),
                clock.instant());
    }

    /** These tokens with a refresh applied: only what came back replaces the old value. */
    public OAuthTokens refreshedWith(TokenGrant grant, Clock clock) {
        Secret id = grant.idToken().orElse(idToken);
        Secret access = grant.accessToken().orElse(accessToken);
        return new OAuthTokens(
                id,
                access,
                grant.refreshToken().orElse(refreshToken),
                accountIdOf(id, access, accountId),
                expiryOf(access, grant.expiresInSeconds(), clock),
                clock.instant());
    }

    /** The access token's own {@code exp} wins over {@code expires_in}: it is what the backend checks. */
    private static Instant expiryOf(Secret access, long expiresIn, Clock clock) {
        return JwtClaims.parse(access.reveal())
                .expiresAt()
                .orElse(clock.instant().plusSeconds(expiresIn));
    }

    private static String accountIdOf(Secret id, Secret access, String previous) {
        return JwtClaims.parse(id.reveal())
                .accountId()
                .or(() -> JwtClaims.parse(access.reveal()).accountId())
                .orElse(previous);
    }
}
