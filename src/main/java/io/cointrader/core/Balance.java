package io.cointrader.core;

import java.math.BigDecimal;
import java.util.Objects;

/** One currency's balance: {@code free} can be spent, {@code locked} is held by open orders. */
public record Balance(String currency, BigDecimal free, BigDecimal locked) {

    public Balance {
        Objects.requireNonNull(currency, "currency");
        Money.requireNonNegative(free, "free");
        Money.requireNonNegative(locked, "locked");
    }

    public BigDecimal total() {
        return free.add(locked);
    }
}
