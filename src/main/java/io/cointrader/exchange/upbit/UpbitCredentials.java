package io.cointrader.exchange.upbit;

import io.cointrader.core.Secret;
import java.util.Objects;

/**
 * An Upbit API key pair. Both parts are {@link Secret}s, so {@link #toString()} shows {@code ***};
 * they are revealed only inside {@link UpbitJwtSigner}.
 */
public record UpbitCredentials(Secret accessKey, Secret secretKey) {

    public UpbitCredentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("Upbit access key and secret key must not be blank");
        }
    }
}
