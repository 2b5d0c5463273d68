package io.cointrader.broker;

import io.cointrader.core.Balance;
import io.cointrader.core.Fill;
import io.cointrader.core.Money;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cash and holdings of the paper account. Every change comes from a fill or from locking funds for an
 * open order, so the ledger can be rebuilt exactly from the stored fills and open orders.
 */
final class PaperLedger {

    private static final MathContext PRICE_MATH = new MathContext(20, RoundingMode.HALF_EVEN);

    private final String quote;
    private BigDecimal cashFree;
    private BigDecimal cashLocked = BigDecimal.ZERO;
    private final Map<Symbol, Holding> holdings = new LinkedHashMap<>();

    PaperLedger(String quote, BigDecimal initialCash) {
        Money.requireNonNegative(initialCash, "initial cash");
        this.quote = quote;
        this.cashFree = initialCash;
    }

    BigDecimal cashFree() {
        return cashFree;
    }

    BigDecimal freeQuantity(Symbol symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? BigDecimal.ZERO : h.free;
    }

    void lockCash(BigDecimal amount) {
        if (amount.compareTo(cashFree) > 0) {
            throw new IllegalStateException("locking more cash than is free");
        }
        cashFree = cashFree.subtract(amount);
        cashLocked = cashLocked.add(amount);
    }

    void unlockCash(BigDecimal amount) {
        BigDecimal released = amount.min(cashLocked);
        cashLocked = cashLocked.subtract(released);
        cashFree = cashFree.add(released);
    }

    void lockQuantity(Symbol symbol, BigDecimal quantity) {
        Holding h = holding(symbol);
        if (quantity.compareTo(h.free) > 0) {
            throw new IllegalStateException("locking more " + symbol.base() + " than is free");
        }
        h.free = h.free.subtract(quantity);
        h.locked = h.locked.add(quantity);
    }

    void unlockQuantity(Symbol symbol, BigDecimal quantity) {
        Holding h = holding(symbol);
        BigDecimal released = quantity.min(h.locked);
        h.locked = h.locked.subtract(released);
        h.free = h.free.add(released);
    }

    /**
     * Applies a fill. A buy pays price x quantity + fee from {@code cashSource} (locked cash of its
     * order, or free cash); a sell takes the quantity from the order's locked holding (or the free one)
     * and credits the proceeds less the fee.
     */
    void apply(Fill fill, boolean fromLocked) {
        BigDecimal notional = fill.notional();
        Holding h = holding(fill.symbol());
        if (fill.side() == Side.BUY) {
            BigDecimal cost = notional.add(fill.fee());
            if (fromLocked) {
                cashLocked = cashLocked.subtract(cost);
            } else {
                cashFree = cashFree.subtract(cost);
            }
            BigDecimal oldCost = h.averagePrice.multiply(h.total());
            h.free = h.free.add(fill.quantity());
            h.averagePrice = oldCost.add(cost).divide(h.total(), PRICE_MATH);
        } else {
            if (fromLocked) {
                h.locked = h.locked.subtract(fill.quantity());
            } else {
                h.free = h.free.subtract(fill.quantity());
            }
            cashFree = cashFree.add(notional.subtract(fill.fee()));
            if (h.total().signum() == 0) {
                h.averagePrice = BigDecimal.ZERO;
            }
        }
    }

    List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        out.add(new Balance(quote, cashFree, cashLocked));
        holdings.forEach((symbol, h) -> {
            if (h.total().signum() > 0) {
                out.add(new Balance(symbol.base(), h.free, h.locked));
            }
        });
        return out;
    }

    List<Position> positions() {
        List<Position> out = new ArrayList<>();
        holdings.forEach((symbol, h) -> {
            if (h.total().signum() > 0) {
                out.add(new Position(symbol, h.total(), h.averagePrice));
            }
        });
        return out;
    }

    private Holding holding(Symbol symbol) {
        return holdings.computeIfAbsent(symbol, s -> new Holding());
    }

    private static final class Holding {
        private BigDecimal free = BigDecimal.ZERO;
        private BigDecimal locked = BigDecimal.ZERO;
        private BigDecimal averagePrice = BigDecimal.ZERO;

        private BigDecimal total() {
            return free.add(locked);
        }
    }
}
