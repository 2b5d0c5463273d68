package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trading session on an assembled system: reconcile, run the loop until stopped, print the
 * summary. {@code trader run} and the dashboard's start button both trade through this class, so the
 * two run exactly the same loop.
 */
final class TradingSession {

    private static final Logger LOG = LoggerFactory.getLogger(TradingSession.class);

    private final Settings settings;
    private final PrintWriter out;
    private final boolean live;

    TradingSession(Settings settings, PrintWriter out, boolean live) {
        this.settings = settings;
        this.out = out;
        this.live = live;
    }

    /** Trades until {@code stop} is requested (or one pass when {@code once}); returns the exit code. */
    int trade(TradingSystem system, StopSignal stop, boolean once) throws InterruptedException {
        return trade(system, stop, once, pacer(system, stop), report -> {});
    }

    /**
     * As {@link #trade(TradingSystem, StopSignal, boolean)}, waiting between passes through {@code pacer}
     * and showing every tick, after the console and the database, to {@code observer} as well.
     */
    int trade(TradingSystem system, StopSignal stop, boolean once, Pacer pacer, Consumer<TickReport> observer)
            throws InterruptedException {
        printHeader(system);
        int settled = system.parts().reconciler().reconcileIntents();
        if (settled > 0) {
            out.println("reconciled " + settled + " order intent(s) left from an earlier run");
        }
        ConsoleReporter reporter = new ConsoleReporter(out);
        PassTimes passTimes = new PassTimes(settings.marketDataInterval(), System::nanoTime);
        ClosePositionsRequest request =
                new ClosePositionsRequest(settings.safety().killSwitchFile());
        TradingLoop loop = new TradingLoop(
                settings.symbols(),
                system.tickProcessor(),
                system.parts().reconciler(),
                pacer,
                stop,
                reporter.andThen(new TickJournal(
                                system.parts().store(), system.parts().clock(), Clock.systemUTC()))
                        .andThen(observer),
                beforePass(system, request),
                passTimes);
        audit(system, "run_started", Map.of("once", once));
        long passes = loop.run(once);
        if (!stop.requested()) {
            // a run that ended on its own (replay data used up, --once) lets the last advice arrive
            system.parts().advisor().drain(settings.llm().timeout());
        }
        audit(
                system,
                "run_stopped",
                Map.of("passes", passes, "ticks", reporter.ticks(), "by_signal", stop.requested()));
        new RunSummary(system, out).print(passes, reporter, passTimes, stop.requested());
        return Application.OK;
    }

    /**
     * Work before each pass: a pending close-positions request; in live mode, every open order looked
     * up and the exchange balances checked against the database.
     */
    private Runnable beforePass(TradingSystem system, ClosePositionsRequest request) {
        if (!live) {
            return () -> request.serve(system, out);
        }
        TradingParts parts = system.parts();
        BalanceCheck balances =
                new BalanceCheck(parts.broker(), parts.store(), parts.anomalies(), parts.safety(), parts.entries());
        balances.startFrom(parts.broker().balances());
        return () -> {
            request.serve(system, out);
            system.keyExpiry().ifPresent(ApiKeyExpiryCheck::check);
            try {
                parts.reconciler().syncAllOpenOrders();
                balances.check();
            } catch (RuntimeException e) {
                LOG.warn("balance check skipped this pass: {}", e.getMessage());
            }
        };
    }

    private void audit(TradingSystem system, String type, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("mode", settings.mode().name());
        payload.put("exchange", settings.exchange().name());
        payload.put("symbols", settings.symbols().stream().map(Symbol::toString).toList());
        system.parts().store().appendEvent(type, payload, system.parts().clock().instant());
    }

    private Pacer pacer(TradingSystem system, StopSignal stop) {
        if (system.replayClock().isPresent()) {
            return new ReplayPacer(
                    system.replayClock().get(),
                    settings.replay().step(),
                    system.replayEnd().orElseThrow(),
                    system.parts().store());
        }
        return new SleepingPacer(settings.marketDataInterval(), stop);
    }

    /** True (after telling the user) when the replay in this database has already reached its end. */
    static boolean replayFinished(Settings settings, TradingSystem system, PrintWriter out) {
        if (system.replayClock().isEmpty()) {
            return false;
        }
        Instant now = system.replayClock().get().instant();
        Instant end = system.replayEnd().orElseThrow();
        if (!now.isAfter(end)) {
            return false;
        }
        out.println("The replay history in " + Display.path(settings.storage().dbPath())
                + " has already been played to its end (" + ConsoleReporter.time(end) + ").");
        out.println("To replay it again, use a fresh database, e.g. --db data/replay-2.db, or delete "
                + Display.path(settings.storage().dbPath()) + ".");
        return true;
    }

    private void printHeader(TradingSystem system) {
        String symbols = settings.symbols().stream().map(Symbol::toString).collect(Collectors.joining(", "));
        String source = system.replayClock()
                .map(ReplayClock::instant)
                .map(start -> "replay of bundled Upbit history (offline), from " + ConsoleReporter.time(start)
                        + " in steps of " + settings.replay().step().toMinutes() + " min")
                .orElse("Upbit " + settings.upbitBaseUrl() + ", every "
                        + settings.marketDataInterval().toSeconds() + " s");
        out.println("coin-trader " + settings.mode().name().toLowerCase(Locale.ROOT) + " trading: " + symbols);
        out.println("  market data: " + source);
        out.println("  state: " + Display.path(settings.storage().dbPath()) + "   logs: "
                + Display.path(settings.storage().logDir()) + "   kill switch: "
                + Display.path(settings.safety().killSwitchFile()));
        if (system.parts().killSwitch().isActive()) {
            out.println("  KILL SWITCH IS ACTIVE: no orders will be placed (release it with 'trader release')");
        }
        out.flush();
    }
}
