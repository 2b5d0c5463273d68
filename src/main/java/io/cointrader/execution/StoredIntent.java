package io.cointrader.execution;

import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.Order;
import io.cointrader.state.StateStore;

/**
 * Links a broker's report of an order to the intent the database holds for it. A live broker that
 * found an order by lookup after a restart cannot know its intent and reports the client order id in
 * its place; saved as it came, that report would cut the order off from its intent.
 */
final class StoredIntent {

    private StoredIntent() {}

    static OrderUpdate restore(StateStore store, OrderUpdate update) {
        return store.findOrder(update.order().clientOrderId())
                .map(Order::intentId)
                .filter(intentId -> !intentId.equals(update.order().intentId()))
                .map(intentId -> new OrderUpdate(update.order().withIntentId(intentId), update.fills()))
                .orElse(update);
    }
}
