package io.cointrader.broker;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trader's own fills bought and sold, per symbol: the quantity they leave and its average entry
 * price (buy fees included, as the paper account counts it). Coins the account holds for any other
 * reason are not here, so they are never taken for the trader's. Each fill counts once, by its id; a
 * fill taken back (its report could not be recorded) no longer counts.
 */
final class OwnHoldings {

    private static final MathContext PRICE_MATH = new MathContext(20, RoundingMode.HALF_EVEN);

    private final Map<String, Fill> fills = new LinkedHashMap<>();
    private final Map<Symbol, Lot> lots = new HashMap<>();

    OwnHoldings(List<Fill> known) {
        known.forEach(this::add);
    }

    void add(Fill fill) {
        if (fills.putIfAbsent(fill.fillId(), fill) == null) {
            apply(fill);
        }
    }

    void remove(Fill fill) {
        if (fills.remove(fill.fillId()) != null) {
            lots.clear();
            fills.values().forEach(this::apply);
        }
    }

    BigDecimal quantity(Symbol symbol) {
        Lot lot = lots.get(symbol);
        return lot == null ? BigDecimal.ZERO : lot.quantity;
    }

    BigDecimal averagePrice(Symbol symbol) {
        Lot lot = lots.get(symbol);
        return lot == null ? BigDecimal.ZERO : lot.averagePrice;
    }

    /** Symbols with a quantity above zero, in the order they were first bought. */
    List<Symbol> held() {
        List<Symbol> held = new ArrayList<>();
        lots.forEach((symbol, lot) -> {
            if (lot.quantity.signum() > 0) {
                held.add(symbol);
            }
        });
        return held;
    }

    private void apply(Fill fill) {
        Lot lot = lots.computeIfAbsent(fill.symbol(), s -> new Lot());
        if (fill.side() == Side.BUY) {
            BigDecimal cost =
                    lot.averagePrice.multiply(lot.quantity).add(fill.notional()).add(fill.fee());
            lot.quantity = lot.quantity.add(fill.quantity());
            lot.averagePrice = cost.divide(lot.quantity, PRICE_MATH);
        } else {
            // a sell beyond the books (bought before the books began) leaves nothing, never less
            lot.quantity = lot.quantity.subtract(fill.quantity()).max(BigDecimal.ZERO);
            if (lot.quantity.signum() == 0) {
                lot.averagePrice = BigDecimal.ZERO;
            }
        }
    }

    private static final class Lot {
        private BigDecimal quantity = BigDecimal.ZERO;
        private BigDecimal averagePrice = BigDecimal.ZERO;
    }
}
