package io.cointrader.risk;

import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** Builders for intents and states with readable defaults: 1,000,000 KRW, BTC at 50,000,000 KRW. */
final class RiskFixtures {

    static final Symbol BTC = Symbol.parse("BTC/KRW");
    static final Symbol ETH = Symbol.parse("ETH/KRW");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private RiskFixtures() {}

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    static OrderIntent limit(Symbol symbol, Side side, String price, String quantity) {
        return new OrderIntent(
                "intent-1", "conservative", symbol, side, OrderType.LIMIT, bd(price), bd(quantity), "test", NOW, false);
    }

    static OrderIntent market(Symbol symbol, Side side, String quantity) {
        return new OrderIntent(
                "intent-1", "conservative", symbol, side, OrderType.MARKET, null, bd(quantity), "test", NOW, false);
    }

    static StateBuilder state() {
        return new StateBuilder();
    }

    /** Mutable builder so that each test names only what it is about. */
    static final class StateBuilder {
        private BigDecimal totalEquity = bd("1000000");
        private BigDecimal dayStartEquity = bd("1000000");
        private BigDecimal marketPrice = bd("50000000");
        private BigDecimal positionQuantity = BigDecimal.ZERO;
        private BigDecimal positionValue = BigDecimal.ZERO;
        private BigDecimal pendingBuyValue = BigDecimal.ZERO;
        private Set<Symbol> heldSymbols = Set.of();
        private int ordersLastSecond;
        private int ordersToday;

        StateBuilder equity(String total, String dayStart) {
            totalEquity = bd(total);
            dayStartEquity = bd(dayStart);
            return this;
        }

        StateBuilder marketPrice(String price) {
            marketPrice = bd(price);
            return this;
        }

        StateBuilder position(String quantity, String value) {
            positionQuantity = bd(quantity);
            positionValue = bd(value);
            return this;
        }

        StateBuilder pendingBuys(String value) {
            pendingBuyValue = bd(value);
            return this;
        }

        StateBuilder held(Symbol... symbols) {
            heldSymbols = Set.of(symbols);
            return this;
        }

        StateBuilder orders(int lastSecond, int today) {
            ordersLastSecond = lastSecond;
            ordersToday = today;
            return this;
        }

        RiskState build() {
            return new RiskState(
                    totalEquity,
                    dayStartEquity,
                    marketPrice,
                    positionQuantity,
                    positionValue,
                    pendingBuyValue,
                    heldSymbols,
                    ordersLastSecond,
                    ordersToday);
        }
    }
}
