package io.cointrader.execution;

import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the tick knows about the account when it asks for an order: equity now and at the start of the
 * trading day, the market price of the intent's symbol, the trader's own open positions (dust left out),
 * open orders, what the trader has invested now (its positions at market price plus the unfilled part of
 * its open buys), and the symbols with a buy whose placement is still unresolved (it went unanswered and
 * reconciliation has not found out yet). The engine adds the order counters from the database before the
 * risk check.
 */
public record AccountState(
        BigDecimal totalEquity,
        BigDecimal dayStartEquity,
        BigDecimal marketPrice,
        Map<Symbol, Position> positions,
        List<Order> openOrders,
        BigDecimal investedValue,
        Set<Symbol> unresolvedBuys) {

    public AccountState {
        Objects.requireNonNull(totalEquity, "totalEquity");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Objects.requireNonNull(marketPrice, "marketPrice");
        positions = Map.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        Objects.requireNonNull(investedValue, "investedValue");
        unresolvedBuys = Set.copyOf(unresolvedBuys);
    }

    /** An account whose invested value counts every position at its average entry price, plus open buys. */
    public AccountState(
            BigDecimal totalEquity,
            BigDecimal dayStartEquity,
            BigDecimal marketPrice,
            Map<Symbol, Position> positions,
            List<Order> openOrders) {
        this(totalEquity, dayStartEquity, marketPrice, positions, openOrders, atEntry(positions, openOrders), Set.of());
    }

    public BigDecimal todayPnl() {
        return totalEquity.subtract(dayStartEquity);
    }

    /** The unfilled part of the open buys at their limit prices. */
    public static BigDecimal openBuys(List<Order> openOrders) {
        BigDecimal total = BigDecimal.ZERO;
        for (Order order : openOrders) {
            if (order.side() == Side.BUY && order.status().isOpen() && order.price() != null) {
                total = total.add(order.remainingQuantity().multiply(order.price()));
            }
        }
        return total;
    }

    private static BigDecimal atEntry(Map<Symbol, Position> positions, List<Order> openOrders) {
        BigDecimal total = openBuys(openOrders);
        for (Position position : positions.values()) {
            total = total.add(position.valueAt(position.averagePrice()));
        }
        return total;
    }
}
