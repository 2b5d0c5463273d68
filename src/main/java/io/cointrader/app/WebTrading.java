package io.cointrader.app;

import io.cointrader.config.ConfigException;
import io.cointrader.config.ExchangeKind;
import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.logging.Redactor;
import io.cointrader.web.ControlRefusedException;
import io.cointrader.web.ControlRefusedException.Reason;
import io.cointrader.web.StartRequest;
import io.cointrader.web.TradingControl;
import io.cointrader.web.TradingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's start and stop buttons: the same {@link TradingSession} as {@code trader run}, on a
 * background thread of the server, behind the same run lock and, for live mode, the same token file
 * and the phrase typed into the page.
 */
final class WebTrading implements TradingControl {

    private static final Logger LOG = LoggerFactory.getLogger(WebTrading.class);

    private final Function<TradingMode, Settings> settingsFor;
    private final Path dbFile;
    private final Redactor redactor;
    private final LiveGate gate;
    private final PrintWriter out;
    private final Clock clock;
    private final Object monitor = new Object();
    private Session current;
    private TradingState last = TradingState.idle();

    /** One loop started by this server. */
    private static final class Session {
        final TradingMode mode;
        final Instant startedAt;
        final TradingSystem system;
        final StopSignal stop = new StopSignal();
        final StopSignal done = new StopSignal();
        volatile boolean stopping;

        Session(TradingMode mode, Instant startedAt, TradingSystem system) {
            this.mode = mode;
            this.startedAt = startedAt;
            this.system = system;
        }
    }

    /** @param settingsFor the server's settings with TRADING_MODE set to the given mode */
    WebTrading(
            Function<TradingMode, Settings> settingsFor,
            Path dbFile,
            Redactor redactor,
            LiveGate gate,
            PrintWriter out,
            Clock clock) {
        this.settingsFor = settingsFor;
        this.dbFile = dbFile;
        this.redactor = redactor;
        this.gate = gate;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public TradingState state() {
        synchronized (monitor) {
            if (current != null) {
                return new TradingState(
                        true,
                        TradingState.Runner.THIS_SERVER,
                        current.mode,
                        current.startedAt,
                        null,
                        current.stopping,
                        null);
            }
            // probed only while this server holds no lock: closing the probe's file would release ours
            if (heldElsewhere()) {
                return new TradingState(
                        true,
                        TradingState.Runner.OTHER_PROCESS,
                        last.mode(),
                        last.startedAt(),
                        last.stoppedAt(),
                        false,
                        last.lastError());
            }
            return last;
        }
    }

    @Override
    public TradingState start(StartRequest request) {
        synchronized (monitor) {
            if (current != null) {
                throw new ControlRefusedException(
                        Reason.CONFLICT, "trading already runs in this server (" + name(current.mode) + ")");
            }
            Settings settings = settingsOf(request.mode());
            Optional<LiveAccess> live = request.mode() == TradingMode.LIVE
                    ? Optional.of(passLiveGate(settings, request.confirmation()))
                    : Optional.empty();
            RunLock lock = acquireLock();
            TradingSystem system = build(settings, live, lock);
            Session session = new Session(request.mode(), clock.instant(), system);
            current = session;
            Thread thread = new Thread(() -> trade(settings, session, lock, live.isPresent()), "trading-loop");
            thread.setDaemon(false);
            thread.start();
            LOG.info("trading started from the dashboard by {} ({})", request.requestedBy(), name(request.mode()));
            return state();
        }
    }

    @Override
    public TradingState stop(Duration wait) {
        Session session;
        synchronized (monitor) {
            session = current;
            if (session == null) {
                throw new ControlRefusedException(Reason.CONFLICT, "no trading loop runs in this server");
            }
            session.stopping = true;
            session.stop.request();
        }
        try {
            session.done.awaitFinished(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return state();
    }

    /**
     * For a stop signal to the server: no new orders from this process at once, then the loop stops
     * after its tick; waits up to {@code grace}. Returns false when the loop did not stop in time.
     */
    boolean shutdown(Duration grace) throws InterruptedException {
        Session session;
        synchronized (monitor) {
            session = current;
            if (session == null) {
                return true;
            }
            session.system.parts().killSwitch().activateForProcess("stop signal received");
            session.stopping = true;
            session.stop.request();
        }
        return session.done.awaitFinished(grace);
    }

    private void trade(Settings settings, Session session, RunLock lock, boolean live) {
        String error = null;
        try {
            new TradingSession(settings, out, live).trade(session.system, session.stop, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException | Error e) {
            LOG.error("the trading loop started from the dashboard failed", e);
            error = redactor.redact(String.valueOf(e.getMessage()));
        } finally {
            finish(session, lock, error);
        }
    }

    private void finish(Session session, RunLock lock, String error) {
        synchronized (monitor) {
            try {
                session.system.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the trading system failed: {}", e.getMessage());
            }
            closeQuietly(lock);
            last = new TradingState(
                    false, TradingState.Runner.NONE, session.mode, session.startedAt, clock.instant(), false, error);
            current = null;
        }
        session.done.markFinished();
        out.flush();
    }

    private Settings settingsOf(TradingMode mode) {
        try {
            return settingsFor.apply(mode);
        } catch (ConfigException e) {
            throw new ControlRefusedException(Reason.BAD_REQUEST, e.getMessage());
        }
    }

    private LiveAccess passLiveGate(Settings settings, String typed) {
        if (settings.exchange() != ExchangeKind.UPBIT) {
            throw new ControlRefusedException(
                    Reason.BAD_REQUEST,
                    "live trading needs EXCHANGE=upbit; this dashboard runs on the " + name(settings.exchange())
                            + " exchange");
        }
        try {
            gate.checkTyped(settings, typed);
            if (settings.live().upbitMasterKey().isEmpty()) {
                throw new ControlRefusedException(
                        Reason.FORBIDDEN,
                        "UPBIT_MASTER_KEY: not set; allowed: set it in the environment of 'trader web'"
                                + " (the dashboard never asks for it)");
            }
            return LiveKeys.unlock(settings, redactor);
        } catch (Application.UserError e) {
            throw new ControlRefusedException(Reason.FORBIDDEN, e.getMessage());
        }
    }

    private RunLock acquireLock() {
        try {
            return RunLock.tryAcquire(dbFile)
                    .orElseThrow(() -> new ControlRefusedException(
                            Reason.CONFLICT,
                            "another trader is already running on " + Display.path(dbFile) + "; stop it first"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not take the run lock of " + dbFile, e);
        }
    }

    private TradingSystem build(Settings settings, Optional<LiveAccess> live, RunLock lock) {
        TradingSystem system;
        try {
            system = SystemBuilder.build(settings, redactor, LOG::info, SystemBuilder.ReplayResume.NEXT_PASS, live);
        } catch (ConfigException e) {
            closeQuietly(lock);
            throw new ControlRefusedException(Reason.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
        if (TradingSession.replayFinished(settings, system, out)) {
            system.close();
            closeQuietly(lock);
            throw new ControlRefusedException(
                    Reason.BAD_REQUEST,
                    "the replay history in " + Display.path(dbFile)
                            + " has already been played to its end; start the dashboard on a fresh database"
                            + " (--db FILE)");
        }
        return system;
    }

    private boolean heldElsewhere() {
        try {
            return RunLock.heldElsewhere(dbFile);
        } catch (IOException e) {
            LOG.warn("could not probe the run lock of {}: {}", dbFile, e.getMessage());
            return false;
        }
    }

    private static void closeQuietly(RunLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("could not release the run lock: {}", e.getMessage());
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
