package io.cointrader.app;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.Severity;
import io.cointrader.notify.Notifier;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Persists every safety event, writes it to {@code safety.jsonl}, and alerts people on HIGH and CRITICAL. */
final class SafetyRecorder implements SafetyEventSink {

    private static final Logger SAFETY = LoggerFactory.getLogger("cointrader.safety");
    private static final Logger LOG = LoggerFactory.getLogger(SafetyRecorder.class);

    private final StateStore store;
    private final Notifier notifier;

    SafetyRecorder(StateStore store, Notifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    @Override
    public void record(SafetyEvent event) {
        SAFETY.atWarn()
                .addKeyValue("event", "safety_event")
                .addKeyValue("type", event.type().name())
                .addKeyValue("severity", event.severity().name())
                .addKeyValue(
                        "symbol", event.symbol() == null ? null : event.symbol().toString())
                .addKeyValue("details", event.details())
                .addKeyValue("sim_time", event.time().toString())
                .log("{} {}: {}", event.severity(), event.type(), event.message());
        try {
            store.saveSafetyEvent(event);
        } catch (RuntimeException e) {
            LOG.error("could not save safety event {}", event.type(), e);
        }
        if (event.severity() != Severity.INFO) {
            try {
                notifier.send(event.severity(), event.type().name(), event.message());
            } catch (RuntimeException e) {
                LOG.warn("notifier failed: {}", e.getMessage());
            }
        }
    }
}
