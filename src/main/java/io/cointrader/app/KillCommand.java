package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.logging.Redactor;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.StateStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** {@code trader kill [--close-positions]} and {@code trader release}. */
final class KillCommand {

    private final Settings settings;
    private final Redactor redactor;
    private final PrintWriter out;
    private final PrintWriter err;

    KillCommand(Settings settings, Redactor redactor, Invocation invocation) {
        this.settings = settings;
        this.redactor = redactor;
        this.out = invocation.out();
        this.err = invocation.err();
    }

    int kill(String reason, boolean closePositions) throws Exception {
        KillSwitch killSwitch = new KillSwitch(settings.safety().killSwitchFile(), Clock.systemUTC());
        killSwitch.activate(reason, "cli");
        audit(
                SafetyEventType.KILL_SWITCH_ACTIVATED,
                Severity.CRITICAL,
                "kill switch activated from the CLI: " + reason);
        out.println("Kill switch ACTIVE (" + Display.path(settings.safety().killSwitchFile()) + "): " + reason);
        out.println("No new orders will be placed until 'trader release'.");
        if (closePositions) {
            closePositions(reason);
        }
        return Application.OK;
    }

    int release(String reason) {
        KillSwitch killSwitch = new KillSwitch(settings.safety().killSwitchFile(), Clock.systemUTC());
        boolean wasActive = killSwitch.release("cli");
        if (!wasActive) {
            out.println("The kill switch was not active; nothing to release.");
            return Application.OK;
        }
        audit(SafetyEventType.KILL_SWITCH_RELEASED, Severity.HIGH, "kill switch released from the CLI: " + reason);
        out.println("Kill switch released: " + reason + ". A running trader resumes at its next pass.");
        return Application.OK;
    }

    private void closePositions(String reason) throws Exception {
        Optional<RunLock> lock = RunLock.tryAcquire(settings.storage().dbPath());
        if (lock.isEmpty()) {
            new ClosePositionsRequest(settings.safety().killSwitchFile()).submit(reason);
            out.println("A running trader holds this account: it will cancel open orders and sell every position"
                    + " at its next pass (watch its output or logs/safety.jsonl).");
            return;
        }
        try (RunLock held = lock.get();
                TradingSystem system = SystemBuilder.build(
                        settings, redactor, err::println, SystemBuilder.ReplayResume.LAST_PASS, liveAccess())) {
            out.println("Cancelling open orders and selling every position:");
            for (String line : new EmergencyClose(system, ClosePositionsRequest.oneSecond(system)).run(reason)) {
                out.println("  " + line);
            }
        }
    }

    /** Live keys for the emergency close; the live gate is not asked: closing only reduces risk. */
    private Optional<LiveAccess> liveAccess() {
        return settings.mode() == io.cointrader.config.TradingMode.LIVE
                ? Optional.of(LiveKeys.unlock(settings, redactor))
                : Optional.empty();
    }

    private void audit(SafetyEventType type, Severity severity, String message) {
        try (StateStore store = SystemBuilder.openStore(settings)) {
            SafetyEvent event = new SafetyEvent(
                    type,
                    severity,
                    null,
                    message,
                    Map.of("source", "cli"),
                    Clock.systemUTC().instant());
            try (Alerts alerts = Alerts.fromSettings(settings)) {
                new SafetyRecorder(store, alerts).record(event);
            }
            store.appendEvent(
                    type.name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("message", message, "source", "cli"),
                    event.time());
        }
    }
}
