package io.cointrader.app;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values the account: quote-currency cash (free and locked) plus every position of the trader at the
 * last price seen for its symbol, or at its average entry price until a price has been seen. Coins the
 * account holds that the trader did not buy are not its positions, so they are not part of the equity.
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
            total = total.add(value(position));
        }
        return total;
    }

    /** The position at the last price seen for its symbol, or at its average entry price before that. */
    BigDecimal value(Position position) {
        return position.valueAt(lastPrices.getOrDefault(position.symbol(), position.averagePrice()));
    }
}
