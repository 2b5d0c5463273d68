package io.cointrader.execution;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;

/**
 * Told about every order the engine placed and every new fill, after they are stored (e.g. to alert
 * people about live trades). Must return quickly; whatever it throws is logged and ignored.
 */
public interface TradeListener {

    TradeListener NONE = new TradeListener() {
        @Override
        public void orderPlaced(Order order) {}

        @Override
        public void filled(Fill fill) {}
    };

    void orderPlaced(Order order);

    void filled(Fill fill);
}
