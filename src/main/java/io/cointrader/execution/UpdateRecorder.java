package io.cointrader.execution;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.state.StateStore;

/**
 * Records what the broker reported. When the database refuses the write (locked by another process
 * beyond its busy timeout, say), the update goes back to the broker before the failure travels on:
 * the broker has already counted its fills as reported, and would otherwise never report them again.
 */
final class UpdateRecorder {

    private final Broker broker;
    private final StateStore store;

    UpdateRecorder(Broker broker, StateStore store) {
        this.broker = broker;
        this.store = store;
    }

    /**
     * @param update as the broker reported it
     * @param order the order to store, {@code update}'s own or the same with the intent id the database
     *     knows
     */
    void record(OrderUpdate update, Order order, IntentState intentState) {
        try {
            store.recordOrderUpdate(order, update.fills(), intentState);
        } catch (RuntimeException e) {
            broker.unrecorded(update);
            throw e;
        }
    }
}
