package io.cointrader.web;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.safety.SafetyEventSink;
import java.time.Clock;
import java.util.Map;

/** Records a kill-switch change made from the page as a safety event, as the CLI does. */
final class KillSwitchEvents {

    private final SafetyEventSink sink;
    private final Clock clock;

    KillSwitchEvents(SafetyEventSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    void activated(String source, String reason) {
        record(SafetyEventType.KILL_SWITCH_ACTIVATED, Severity.CRITICAL, "activated", source, reason);
    }

    void released(String source, String reason) {
        record(SafetyEventType.KILL_SWITCH_RELEASED, Severity.HIGH, "released", source, reason);
    }

    private void record(SafetyEventType type, Severity severity, String what, String source, String reason) {
        String message =
                "kill switch " + what + " from the dashboard (" + source + ")" + (reason == null ? "" : ": " + reason);
        sink.record(new SafetyEvent(type, severity, null, message, Map.of("source", source), clock.instant()));
    }
}
