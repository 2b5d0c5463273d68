package io.cointrader.exchange;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;

/**
 * GET /v1/orders/chance for one market: taker fee rates, the minimum order total per side (in the
 * quote currency), the maximum order total, and the market state ({@code active} when tradable).
 */
public record OrderChance(
        Symbol symbol,
        BigDecimal bidFee,
        BigDecimal askFee,
        BigDecimal bidMinTotal,
        BigDecimal askMinTotal,
        BigDecimal maxTotal,
        String state) {

    public boolean tradable() {
        return "active".equals(state);
    }
}
