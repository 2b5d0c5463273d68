package io.cointrader.exchange;

import io.cointrader.core.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * One API key of the account as the exchange lists it, and the moment it stops working (Upbit keys
 * expire one year after issue and cannot be extended). The access key is sensitive: it is held as a
 * {@link Secret}, and {@link #maskedAccessKey()} and {@link #toString()} show at most its first four
 * characters.
 *
 * @param accessKey the access key as the exchange shows it
 * @param expireAt when the key expires
 */
public record ApiKeyInfo(Secret accessKey, Instant expireAt) {

    private static final int SHOWN_CHARACTERS = 4;

    public ApiKeyInfo {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(expireAt, "expireAt");
    }

    /** True when this entry is the key {@code accessKey} (compared in constant time). */
    public boolean isKey(Secret accessKey) {
        return this.accessKey.equals(accessKey);
    }

    /** The first four characters and an ellipsis; fewer characters of a short key, so most of it stays hidden. */
    public String maskedAccessKey() {
        String key = accessKey.reveal();
        int shown = Math.min(SHOWN_CHARACTERS, key.length() / 3);
        return key.substring(0, shown) + "…";
    }

    @Override
    public String toString() {
        return "ApiKeyInfo[accessKey=" + maskedAccessKey() + ", expireAt=" + expireAt + "]";
    }
}
