package io.cointrader.app;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values the account: quote-currency cash (free and locked) plus every position at the last price seen
 * for its symbol, or at its average entry price until a price has been seen.
 */
final class Portfolio {

    private final String quote;
    private final Map<Symbol, BigDecimal> lastPrices = new HashMap<>();

    Portfolio(String quote) {
        this.quote = quote;
    }

    void observe(Symbol symbol, BigDecimal price) {
        lastPrices.put(symbol, price);
    }

    BigDecimal lastPrice(Symbol symbol) {
        return lastPrices.get(symbol);
    }

    BigDecimal equity(BalanceSnapshot balances, List<Position> positions) {
        BigDecimal total = balances.of(quote).total();
        for (Position position : positions) {
            BigDecimal price = lastPrices.getOrDefault(position.symbol(), position.averagePrice());
            total = total.add(position.valueAt(price));
        }
        return total;
    }
}
