package io.cointrader.web.view;

import io.cointrader.core.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One of the trader's positions valued at {@code price}: the newest tick of its symbol, or its average
 * entry price before the first tick ({@code priceTime} null then). It is {@code dust} when worth less than
 * the pair's minimum order: kept in the books and the equity, but never sold and no position for entry
 * gating.
 */
public record ValuedPosition(Position position, BigDecimal price, Instant priceTime, boolean dust) {

    public ValuedPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(price, "price");
    }

    /**
     * Values {@code position} at {@code price} (its average price when null), as the trading loop values
     * it; dust when that is below {@code dustBelow}.
     */
    public static ValuedPosition of(Position position, BigDecimal price, Instant priceTime, BigDecimal dustBelow) {
        BigDecimal at = price == null ? position.averagePrice() : price;
        Instant time = price == null ? null : priceTime;
        return new ValuedPosition(position, at, time, position.valueAt(at).compareTo(dustBelow) < 0);
    }

    public BigDecimal value() {
        return position.valueAt(price);
    }

    public BigDecimal cost() {
        return position.valueAt(position.averagePrice());
    }

    public BigDecimal unrealized() {
        return value().subtract(cost());
    }

    /** The unrealised PnL in percent of the cost with two decimals, null when the cost is zero. */
    public String unrealizedPct() {
        return Decimals.percent(unrealized(), cost());
    }
}
