package io.cointrader.sim;

import io.cointrader.core.Money;
import io.cointrader.core.Secret;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated exchange account: the secret key its JWTs are signed with (used as raw UTF-8 bytes,
 * like Upbit's), the KRW it starts with and the coins it starts with (at most one holding per
 * currency). The access key is the key of the account map in {@link SimulatorConfig}.
 */
public record SimAccount(Secret secret, BigDecimal initialKrw, List<SimHolding> holdings) {

    public SimAccount {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret key must not be blank");
        }
        Money.requireNonNegative(initialKrw, "initial KRW balance");
        holdings = List.copyOf(holdings);
        Set<String> currencies = new HashSet<>();
        for (SimHolding holding : holdings) {
            if (!currencies.add(holding.currency())) {
                throw new IllegalArgumentException("two holdings of " + holding.currency());
            }
        }
    }

    /** An account that starts with KRW only. */
    public SimAccount(Secret secret, BigDecimal initialKrw) {
        this(secret, initialKrw, List.of());
    }

    public static SimAccount of(String secret, String initialKrw) {
        return new SimAccount(Secret.of(secret), new BigDecimal(initialKrw));
    }

    /** This account, also starting with {@code holding}. */
    public SimAccount with(SimHolding holding) {
        List<SimHolding> more = new ArrayList<>(holdings);
        more.add(holding);
        return new SimAccount(secret, initialKrw, more);
    }
}
