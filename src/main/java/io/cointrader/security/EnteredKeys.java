package io.cointrader.security;

import io.cointrader.core.Secret;
import java.util.Objects;

/** What the user typed for {@code trader encrypt-keys}: the Upbit key pair and the master key. */
public record EnteredKeys(UpbitKeys keys, Secret masterKey) {

    public EnteredKeys {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(masterKey, "masterKey");
    }
}
