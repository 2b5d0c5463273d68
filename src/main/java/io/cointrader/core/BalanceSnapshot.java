package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** All balances of the account at one instant, keyed by currency code. */
public record BalanceSnapshot(Map<String, Balance> balances, Instant time) {

    public BalanceSnapshot {
        Objects.requireNonNull(time, "time");
        balances = Map.copyOf(new TreeMap<>(balances));
    }

    public Balance of(String currency) {
        return balances.getOrDefault(currency, new Balance(currency, BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
