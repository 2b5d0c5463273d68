package io.cointrader.safety;

import io.cointrader.core.SafetyEvent;

/**
 * Where safety events go: persisted, logged to {@code safety.jsonl} and, when severe, sent to people.
 * Implementations never throw.
 */
public interface SafetyEventSink {

    void record(SafetyEvent event);
}
