package io.cointrader.exchange;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A LIMIT order to place: {@code price} on the tick grid, {@code volume} with at most eight decimals,
 * {@code identifier} our client order id ({@code [A-Za-z0-9_-]}, unique forever on the account).
 */
public record OrderRequest(Symbol symbol, Side side, BigDecimal price, BigDecimal volume, String identifier) {

    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(identifier, "identifier");
        if (!identifier.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("identifier must be 1-64 of [A-Za-z0-9_-]");
        }
    }
}
