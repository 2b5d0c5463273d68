package io.cointrader.state;

import io.cointrader.core.IntentState;
import io.cointrader.core.OrderIntent;
import java.time.Instant;
import java.util.Objects;

/** An order intent as written ahead to {@code order_intents}, with its client order id and state. */
public record IntentRecord(OrderIntent intent, String clientOrderId, IntentState state, Instant updatedAt) {

    public IntentRecord {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
