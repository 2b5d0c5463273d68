package io.cointrader.execution;

import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.Order;
import io.cointrader.state.StateStore;
import java.util.Optional;

/**
 * Links a broker's report of an order to what the database holds for it. A live broker that found an
 * order by lookup after a restart cannot know its intent and reports the client order id in its place;
 * saved as it came, that report would cut the order off from its intent. And a cancel the trader asked
 * for keeps its reason ({@link CancelReasons}).
 */
final class StoredOrder {

    private StoredOrder() {}

    static OrderUpdate restore(StateStore store, OrderUpdate update) {
        Optional<Order> stored = store.findOrder(update.order().clientOrderId());
        if (stored.isEmpty()) {
            return update;
        }
        Order order = update.order();
        if (!stored.get().intentId().equals(order.intentId())) {
            order = order.withIntentId(stored.get().intentId());
        }
        String kept = CancelReasons.kept(stored.get().statusReason(), order.status());
        if (kept != null) {
            order = order.withStatus(order.status(), kept, order.updatedAt());
        }
        return order == update.order() ? update : new OrderUpdate(order, update.fills());
    }
}
