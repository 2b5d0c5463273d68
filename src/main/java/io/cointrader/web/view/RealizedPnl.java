package io.cointrader.web.view;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realized profit and loss by the average-cost method, in the quote currency. A BUY adds its notional
 * and its fee to the symbol's cost; a SELL realizes {@code proceeds − average cost × quantity − fee}.
 *
 * <p>A fee in the quote currency counts as is; one in the base currency is valued at the fill's
 * price; a fee in any other currency cannot be valued and is left out. A SELL of more than the fills
 * have bought (holdings from before the first recorded fill) realizes nothing on the part whose cost
 * is unknown, only its fee. The cost of part of a holding is rounded to {@value #COST_SCALE} decimals.
 */
public final class RealizedPnl {

    static final int COST_SCALE = 8;

    /** One SELL and what it realized. */
    public record Sale(Fill fill, BigDecimal realized) {}

    private final List<Sale> sales;
    private final BigDecimal fees;

    private RealizedPnl(List<Sale> sales, BigDecimal fees) {
        this.sales = List.copyOf(sales);
        this.fees = fees;
    }

    /** Replays {@code fills} in the order given (oldest first, as the store returns them). */
    public static RealizedPnl over(List<Fill> fills) {
        Map<Symbol, Holding> holdings = new HashMap<>();
        List<Sale> sales = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (Fill fill : fills) {
            BigDecimal fee = quoteFee(fill);
            fees = fees.add(fee);
            Holding holding = holdings.computeIfAbsent(fill.symbol(), s -> new Holding());
            if (fill.side() == Side.BUY) {
                holding.buy(fill.notional().add(fee), fill.quantity());
            } else {
                sales.add(new Sale(
                        fill, holding.sell(fill.price(), fill.quantity()).subtract(fee)));
            }
        }
        return new RealizedPnl(sales, fees);
    }

    public List<Sale> sales() {
        return sales;
    }

    /** Everything realized so far. */
    public BigDecimal total() {
        return sales.stream().map(Sale::realized).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the SELLs at or after {@code from} realized. */
    public BigDecimal since(Instant from) {
        return sales.stream()
                .filter(s -> !s.fill().time().isBefore(from))
                .map(Sale::realized)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** All fees paid, valued in the quote currency. */
    public BigDecimal fees() {
        return fees;
    }

    static BigDecimal quoteFee(Fill fill) {
        if (fill.feeCurrency().equalsIgnoreCase(fill.symbol().quote())) {
            return fill.fee();
        }
        if (fill.feeCurrency().equalsIgnoreCase(fill.symbol().base())) {
            return fill.fee().multiply(fill.price());
        }
        return BigDecimal.ZERO;
    }

    /** Quantity bought and not yet sold, and what it cost in total (fees included). */
    private static final class Holding {

        private BigDecimal quantity = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;

        void buy(BigDecimal totalCost, BigDecimal bought) {
            quantity = quantity.add(bought);
            cost = cost.add(totalCost);
        }

        /** Removes up to {@code sold} from the holding; returns proceeds minus cost of the part it held. */
        BigDecimal sell(BigDecimal price, BigDecimal sold) {
            BigDecimal matched = sold.min(quantity);
            if (matched.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal costOfMatched = matched.compareTo(quantity) == 0
                    ? cost
                    : cost.multiply(matched).divide(quantity, COST_SCALE, RoundingMode.HALF_UP);
            quantity = quantity.subtract(matched);
            cost = cost.subtract(costOfMatched);
            return price.multiply(matched).subtract(costOfMatched);
        }
    }
}
