package io.cointrader.core;

import java.math.BigDecimal;
import java.util.Objects;

/** A spot holding of one symbol's base currency, with its average entry price (fees included). */
public record Position(Symbol symbol, BigDecimal quantity, BigDecimal averagePrice) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Money.requireNonNegative(quantity, "quantity");
        Money.requireNonNegative(averagePrice, "averagePrice");
    }

    public BigDecimal valueAt(BigDecimal price) {
        return quantity.multiply(price);
    }

    public boolean isOpen() {
        return quantity.signum() > 0;
    }
}
