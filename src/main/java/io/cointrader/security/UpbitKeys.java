package io.cointrader.security;

import io.cointrader.core.Secret;
import java.util.Objects;

/** The Upbit API key pair, as decrypted from the key file. Both values are non-blank. */
public record UpbitKeys(Secret accessKey, Secret secretKey) {

    public UpbitKeys {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("an Upbit key is blank");
        }
    }
}
