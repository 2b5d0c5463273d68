package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of (part of) an order. {@code fee} is in {@code feeCurrency} (KRW on Upbit's KRW
 * market). {@code fillId} is unique per fill; storing the same fill twice is a no-op.
 */
public record Fill(
        String fillId,
        String clientOrderId,
        Symbol symbol,
        Side side,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal fee,
        String feeCurrency,
        Instant time) {

    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(feeCurrency, "feeCurrency");
        Objects.requireNonNull(time, "time");
        Money.requirePositive(price, "price");
        Money.requirePositive(quantity, "quantity");
        Money.requireNonNegative(fee, "fee");
    }

    /** Quote amount before fee. */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
