package io.cointrader.core;

import java.util.Objects;

/**
 * A secret value (API key, master key, webhook URL, token). {@link #toString()} is {@code ***} so a
 * secret cannot leak through string concatenation or logging; call {@link #reveal()} only at the
 * point of use.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s
                && java.security.MessageDigest.isEqual(
                        s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
