package io.cointrader.app;

import io.cointrader.core.Money;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import io.cointrader.execution.AccountState;
import io.cointrader.execution.IntentIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a signal into an order intent (SPEC section 4, step 10). BUY: total equity x
 * MAX_POSITION_SIZE_PCT, LIMIT at the current price floored to the tick grid, volume floored to eight
 * decimals. SELL: the whole free quantity of the position, LIMIT at the price raised to the grid.
 * Nothing under the exchange's minimum order total, and no BUY for a symbol already held or with a buy
 * still open: a position is never topped up, so repeated BUY signals while in a trade place nothing
 * (the position-size check of the risk manager would refuse every one of them anyway).
 */
final class OrderPlanner {

    private final BigDecimal positionSizePct;

    OrderPlanner(BigDecimal positionSizePct) {
        this.positionSizePct = positionSizePct;
    }

    /** A planned intent, or the reason why there is none. */
    record Plan(Optional<OrderIntent> intent, String reason) {
        static Plan none(String reason) {
            return new Plan(Optional.empty(), reason);
        }
    }

    Plan buy(
            Signal signal,
            BigDecimal price,
            BigDecimal tick,
            BigDecimal minOrderTotal,
            AccountState account,
            Instant now) {
        if (invested(signal.symbol(), account.positions(), account.openOrders())) {
            return Plan.none("already in " + signal.symbol() + " (position or open buy); positions are not topped up");
        }
        BigDecimal equity = account.totalEquity();
        BigDecimal limit = TickSize.floorToTick(price, tick);
        if (limit.signum() <= 0) {
            return Plan.none("price " + price.toPlainString() + " is below one tick");
        }
        BigDecimal budget = equity.multiply(positionSizePct).movePointLeft(2);
        BigDecimal volume = budget.divide(limit, Money.VOLUME_SCALE, RoundingMode.FLOOR);
        BigDecimal total = volume.multiply(limit);
        if (volume.signum() <= 0 || total.compareTo(minOrderTotal) < 0) {
            return Plan.none(
                    "order total " + total.setScale(0, RoundingMode.FLOOR).toPlainString() + " is below the minimum "
                            + minOrderTotal.toPlainString());
        }
        return new Plan(Optional.of(intent(signal, Side.BUY, limit, volume, now)), "buy " + volume.toPlainString());
    }

    Plan sell(
            Signal signal,
            BigDecimal price,
            BigDecimal tick,
            BigDecimal minOrderTotal,
            BigDecimal freeQuantity,
            Instant now) {
        if (freeQuantity.signum() <= 0) {
            return Plan.none("no position to sell");
        }
        BigDecimal limit = TickSize.ceilToTick(price, tick);
        BigDecimal volume = freeQuantity.setScale(Money.VOLUME_SCALE, RoundingMode.FLOOR);
        BigDecimal total = volume.multiply(limit);
        if (volume.signum() <= 0 || total.compareTo(minOrderTotal) < 0) {
            return Plan.none(
                    "position worth " + total.setScale(0, RoundingMode.FLOOR).toPlainString()
                            + " is below the minimum order " + minOrderTotal.toPlainString() + " (dust)");
        }
        return new Plan(Optional.of(intent(signal, Side.SELL, limit, volume, now)), "sell " + volume.toPlainString());
    }

    /** Whether {@code symbol} is held or has a buy order still open: then a BUY signal places nothing. */
    static boolean invested(Symbol symbol, Map<Symbol, Position> positions, List<Order> openOrders) {
        Position position = positions.get(symbol);
        if (position != null && position.quantity().signum() > 0) {
            return true;
        }
        for (Order order : openOrders) {
            if (order.side() == Side.BUY
                    && order.status().isOpen()
                    && order.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    private static OrderIntent intent(Signal signal, Side side, BigDecimal limit, BigDecimal volume, Instant now) {
        Symbol symbol = signal.symbol();
        return new OrderIntent(
                IntentIds.intentId(signal.strategy(), symbol, side, signal.candleTime()),
                signal.strategy(),
                symbol,
                side,
                OrderType.LIMIT,
                limit,
                volume,
                signal.reason(),
                now,
                false);
    }
}
