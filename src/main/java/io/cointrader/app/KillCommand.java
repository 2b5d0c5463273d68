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

    /** Passes a kill with --close-positions makes itself before it leaves the rest to the next run. */
    private static final int CLOSE_PASSES = 3;

    private static final java.time.Duration CLOSE_PAUSE = java.time.Duration.ofSeconds(2);

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
        if (closePositions
                && java.nio.file.Files.isRegularFile(settings.storage().dbPath())) {
            // a close of another account's positions is refused before anything is switched
            try (StateStore store = SystemBuilder.openStore(settings)) {
                SystemBuilder.checkAccount(settings, store);
            }
        }
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
            EmergencyClose close = new EmergencyClose(system, ClosePositionsRequest.oneSecond(system));
            EmergencyClose.Outcome outcome = close.run(reason);
            for (int pass = 2; !outcome.finished() && pass <= CLOSE_PASSES; pass++) {
                printLines(outcome);
                out.println("Not finished yet; pass " + pass + " of " + CLOSE_PASSES + " in " + CLOSE_PAUSE.toSeconds()
                        + " s:");
                pause(system);
                outcome = close.run(reason);
            }
            printLines(outcome);
            if (!outcome.finished()) {
                new ClosePositionsRequest(settings.safety().killSwitchFile()).submit(reason);
                out.println("Not everything could be closed yet. The request stays: the next 'trader run' on this"
                        + " account carries it on (or run 'trader kill --close-positions' again).");
            }
        }
    }

    private void printLines(EmergencyClose.Outcome outcome) {
        for (String line : outcome.lines()) {
            out.println("  " + line);
        }
    }

    private static void pause(TradingSystem system) throws InterruptedException {
        if (system.replayClock().isPresent()) {
            system.replayClock().get().advance(CLOSE_PAUSE);
        } else {
            Thread.sleep(CLOSE_PAUSE.toMillis());
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
