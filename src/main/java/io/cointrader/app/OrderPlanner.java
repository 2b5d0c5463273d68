package io.cointrader.app;

import io.cointrader.core.Money;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import io.cointrader.execution.IntentIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a signal into an order intent (SPEC section 4, step 10). BUY: total equity x
 * MAX_POSITION_SIZE_PCT, LIMIT at the current price floored to the tick grid, volume floored to eight
 * decimals. SELL: the whole free quantity of the position, LIMIT at the price raised to the grid.
 * Nothing under the exchange's minimum order total.
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
            BigDecimal equity,
            Instant now) {
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
