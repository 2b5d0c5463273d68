package io.cointrader.web.view;

import io.cointrader.core.Balance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One currency of the account: its balance, the part of the total the trader manages (its own positions;
 * all of the quote currency, which it trades with) and the rest, which it does not ({@code external}: coins
 * bought by hand, never sold by the trader and not in its equity). {@code managed + external} is the
 * total. {@code price} is the newest tick of the currency's pair in the quote currency, null when unknown.
 */
public record CurrencyHolding(
        Balance balance, BigDecimal managed, BigDecimal external, BigDecimal price, Instant priceTime) {

    public CurrencyHolding {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(managed, "managed");
        Objects.requireNonNull(external, "external");
    }

    public String currency() {
        return balance.currency();
    }

    public boolean hasExternal() {
        return external.signum() > 0;
    }

    /** What the external part is worth at {@code price}; null when the price is unknown. */
    public BigDecimal externalValue() {
        return price == null ? null : external.multiply(price);
    }
}
