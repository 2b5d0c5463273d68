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
 * MAX_POSITION_SIZE_PCT (of at most MAX_CAPITAL_KRW when it is set, and never beyond what the cap leaves
 * uninvested), LIMIT at the current price floored to the tick grid, volume floored to eight decimals.
 * SELL: the whole sellable quantity of the position, LIMIT at the price raised to the grid. An exit
 * ({@link ExitPlanner}) sells the whole position at the price floored to the grid, so that it can fill
 * at once. Nothing under the exchange's minimum order total, and no BUY for a symbol already held or
 * with a buy still open: a position is never topped up, so repeated BUY signals while in a trade place
 * nothing (the position-size check of the risk manager would refuse every one of them anyway).
 */
final class OrderPlanner {

    private final BigDecimal positionSizePct;
    private final Optional<BigDecimal> maxCapital;

    OrderPlanner(BigDecimal positionSizePct, Optional<BigDecimal> maxCapital) {
        this.positionSizePct = positionSizePct;
        this.maxCapital = maxCapital;
    }

    /** A planned intent, or the reason why there is none. */
    record Plan(Optional<OrderIntent> intent, String reason) {
        static Plan none(String reason) {
            return new Plan(Optional.empty(), reason);
        }
    }

    /** The price grid and minimum order of the symbol at the tick's price. */
    record Market(BigDecimal price, BigDecimal tick, BigDecimal minOrderTotal) {}

    Plan buy(Signal signal, Market market, AccountState account, Instant now) {
        if (invested(signal.symbol(), account.positions(), account.openOrders())) {
            return Plan.none("already in " + signal.symbol() + " (position or open buy); positions are not topped up");
        }
        if (account.unresolvedBuys().contains(signal.symbol())) {
            return Plan.none("a buy of " + signal.symbol() + " went unanswered and is not resolved yet;"
                    + " no new buy until reconciliation finds out whether it exists");
        }
        BigDecimal limit = TickSize.floorToTick(market.price(), market.tick());
        if (limit.signum() <= 0) {
            return Plan.none("price " + market.price().toPlainString() + " is below one tick");
        }
        BigDecimal budget = budget(account);
        BigDecimal volume = budget.max(BigDecimal.ZERO).divide(limit, Money.VOLUME_SCALE, RoundingMode.FLOOR);
        BigDecimal total = volume.multiply(limit);
        if (volume.signum() <= 0 || total.compareTo(market.minOrderTotal()) < 0) {
            return Plan.none(
                    "order total " + total.setScale(0, RoundingMode.FLOOR).toPlainString() + " is below the minimum "
                            + market.minOrderTotal().toPlainString() + capitalNote(account));
        }
        return new Plan(
                Optional.of(intent(intentId(signal, Side.BUY), signal, Side.BUY, limit, volume, signal.reason(), now)),
                "buy " + volume.toPlainString());
    }

    Plan sell(Signal signal, Market market, BigDecimal sellable, Instant now) {
        if (sellable.signum() <= 0) {
            return Plan.none("no position to sell");
        }
        BigDecimal limit = TickSize.ceilToTick(market.price(), market.tick());
        return wholePosition(
                intentId(signal, Side.SELL),
                signal.strategy(),
                signal.symbol(),
                limit,
                sellable,
                signal.reason(),
                now,
                market);
    }

    /** The whole sellable quantity for {@code exit}, priced to fill at once (floored to the grid). */
    Plan exit(ExitPlanner.Exit exit, Symbol symbol, Market market, BigDecimal sellable, Instant now) {
        if (sellable.signum() <= 0) {
            return Plan.none(exit.reason() + "; nothing sellable now");
        }
        BigDecimal limit = TickSize.floorToTick(market.price(), market.tick());
        if (limit.signum() <= 0) {
            limit = market.tick();
        }
        return wholePosition(exit.intentId(), exit.strategy(), symbol, limit, sellable, exit.reason(), now, market);
    }

    private Plan wholePosition(
            String intentId,
            String strategy,
            Symbol symbol,
            BigDecimal limit,
            BigDecimal sellable,
            String reason,
            Instant now,
            Market market) {
        BigDecimal volume = sellable.setScale(Money.VOLUME_SCALE, RoundingMode.FLOOR);
        BigDecimal total = volume.multiply(limit);
        if (volume.signum() <= 0 || total.compareTo(market.minOrderTotal()) < 0) {
            return Plan.none("position worth "
                    + total.setScale(0, RoundingMode.FLOOR).toPlainString() + " is below the minimum order "
                    + market.minOrderTotal().toPlainString() + " (dust)");
        }
        OrderIntent intent = new OrderIntent(
                intentId, strategy, symbol, Side.SELL, OrderType.LIMIT, limit, volume, reason, now, false);
        return new Plan(Optional.of(intent), "sell " + volume.toPlainString());
    }

    /**
     * What one buy may spend: MAX_POSITION_SIZE_PCT of the equity, the equity counted up to
     * MAX_CAPITAL_KRW, and never more than the cap leaves uninvested.
     */
    private BigDecimal budget(AccountState account) {
        BigDecimal equity = account.totalEquity();
        if (maxCapital.isEmpty()) {
            return equity.multiply(positionSizePct).movePointLeft(2);
        }
        BigDecimal cap = maxCapital.get();
        BigDecimal share = equity.min(cap).multiply(positionSizePct).movePointLeft(2);
        return share.min(cap.subtract(account.investedValue()));
    }

    private String capitalNote(AccountState account) {
        return maxCapital
                .filter(cap -> account.investedValue().signum() > 0)
                .map(cap -> " (MAX_CAPITAL_KRW " + cap.toPlainString() + ", invested "
                        + account.investedValue()
                                .setScale(0, RoundingMode.FLOOR)
                                .toPlainString() + ")")
                .orElse("");
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

    private static String intentId(Signal signal, Side side) {
        return IntentIds.intentId(signal.strategy(), signal.symbol(), side, signal.candleTime());
    }

    private static OrderIntent intent(
            String intentId,
            Signal signal,
            Side side,
            BigDecimal limit,
            BigDecimal volume,
            String reason,
            Instant now) {
        return new OrderIntent(
                intentId, signal.strategy(), signal.symbol(), side, OrderType.LIMIT, limit, volume, reason, now, false);
    }
}
