package io.cointrader.execution;

import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the tick knows about the account when it asks for an order: equity now and at the start of the
 * trading day, the market price of the intent's symbol, open positions and open orders. The engine adds
 * the order counters from the database before the risk check.
 */
public record AccountState(
        BigDecimal totalEquity,
        BigDecimal dayStartEquity,
        BigDecimal marketPrice,
        Map<Symbol, Position> positions,
        List<Order> openOrders) {

    public AccountState {
        Objects.requireNonNull(totalEquity, "totalEquity");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Objects.requireNonNull(marketPrice, "marketPrice");
        positions = Map.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    public BigDecimal todayPnl() {
        return totalEquity.subtract(dayStartEquity);
    }
}
