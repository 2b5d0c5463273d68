package io.cointrader.execution;

import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.risk.RiskState;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** Builds the risk manager's view of the account for one intent. */
final class RiskStates {

    private RiskStates() {}

    static RiskState of(OrderIntent intent, AccountState account, OrderCounters counters) {
        Symbol symbol = intent.symbol();
        Position position = account.positions().get(symbol);
        BigDecimal quantity = position == null ? BigDecimal.ZERO : position.quantity();
        BigDecimal pendingBuys = BigDecimal.ZERO;
        Set<Symbol> held = new HashSet<>();
        account.positions().values().stream().filter(Position::isOpen).forEach(p -> held.add(p.symbol()));
        for (Order order : account.openOrders()) {
            if (order.side() == Side.BUY && order.status().isOpen()) {
                held.add(order.symbol());
                if (order.symbol().equals(symbol)) {
                    BigDecimal price = order.price() != null ? order.price() : account.marketPrice();
                    pendingBuys = pendingBuys.add(order.remainingQuantity().multiply(price));
                }
            }
        }
        return new RiskState(
                account.totalEquity(),
                account.dayStartEquity(),
                account.marketPrice(),
                quantity,
                quantity.multiply(account.marketPrice()),
                pendingBuys,
                held,
                counters.lastSecond(),
                counters.today(),
                account.investedValue());
    }
}
