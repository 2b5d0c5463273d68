package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.logging.Redactor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code trader run}: builds the system, runs the loop until stopped, prints a summary. */
final class RunCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

    private final Settings settings;
    private final Redactor redactor;
    private final PrintWriter out;
    private final PrintWriter err;

    private final Optional<LiveAccess> live;

    /** @param live present for TRADING_MODE=live, after the live gate has passed */
    RunCommand(Settings settings, Redactor redactor, Invocation invocation, Optional<LiveAccess> live) {
        this.settings = settings;
        this.redactor = redactor;
        this.live = live;
        this.out = invocation.out();
        this.err = invocation.err();
    }

    int run(boolean once) throws Exception {
        AdvisorWiring.loginIfNeeded(settings, out);
        try (RunLock lock = Application.lockOrFail(settings);
                TradingSystem system = SystemBuilder.build(
                        settings, redactor, err::println, SystemBuilder.ReplayResume.NEXT_PASS, live)) {
            if (TradingSession.replayFinished(settings, system, out)) {
                return Application.OK;
            }
            StopSignal stop = new StopSignal();
            StopSignal done = new StopSignal();
            Thread hook = new Thread(() -> onSignal(system, stop, done), "trader-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return new TradingSession(settings, out, live.isPresent()).trade(system, stop, once);
            } finally {
                done.markFinished();
                removeHook(hook);
            }
        }
    }

    private void onSignal(TradingSystem system, StopSignal stop, StopSignal done) {
        system.parts().killSwitch().activateForProcess("stop signal received");
        stop.request();
        try {
            if (!done.awaitFinished(SHUTDOWN_GRACE)) {
                LOG.error("the trading loop did not stop within {}", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (a signal); the hook is running and waits for us
        }
    }
}
