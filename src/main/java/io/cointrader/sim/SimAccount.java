package io.cointrader.sim;

import io.cointrader.core.Money;
import io.cointrader.core.Secret;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One simulated exchange account: the secret key its JWTs are signed with (used as raw UTF-8 bytes,
 * like Upbit's) and the KRW it starts with. The access key is the key of the account map in {@link
 * SimulatorConfig}.
 */
public record SimAccount(Secret secret, BigDecimal initialKrw) {

    public SimAccount {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret key must not be blank");
        }
        Money.requireNonNegative(initialKrw, "initial KRW balance");
    }

    public static SimAccount of(String secret, String initialKrw) {
        return new SimAccount(Secret.of(secret), new BigDecimal(initialKrw));
    }
}
