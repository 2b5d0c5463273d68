package io.cointrader.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/** One entry of GET /v1/accounts: {@code balance} is free, {@code locked} is held by open orders. */
public record AccountBalance(
        String currency, BigDecimal balance, BigDecimal locked, BigDecimal avgBuyPrice, String unitCurrency) {

    public AccountBalance {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(locked, "locked");
    }
}
