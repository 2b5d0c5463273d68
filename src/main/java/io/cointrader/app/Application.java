package io.cointrader.app;

import io.cointrader.cli.TraderApp;
import io.cointrader.config.ConfigException;
import io.cointrader.config.ConfigResult;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.config.SettingsSummary;
import io.cointrader.config.TradingMode;
import io.cointrader.exchange.upbit.Sleeper;
import io.cointrader.logging.LogSetup;
import io.cointrader.logging.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands do. Every method turns configuration errors into one line and exit code 2, and any
 * other failure into one redacted line and exit code 1; details go to the general log.
 */
final class Application implements TraderApp {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Map<String, String> environment;
    private final Path workingDir;

    Application(Map<String, String> environment, Path workingDir) {
        this.environment = environment;
        this.workingDir = workingDir;
    }

    /** A failure that has already been explained to the user in one line. */
    static final class UserError extends RuntimeException {
        final int exitCode;

        UserError(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    interface Action {
        int run(Settings settings, Redactor redactor) throws Exception;
    }

    /** An action that also reads the warnings met while loading the settings. */
    interface LoadedAction {
        int run(ConfigResult loaded, Redactor redactor) throws Exception;
    }

    @Override
    public int run(Invocation invocation, boolean once) {
        return following(invocation, DatabaseAccount.Follow.EXCHANGE, (settings, redactor) -> {
            Optional<LiveAccess> live = Optional.empty();
            if (settings.mode() == TradingMode.LIVE) {
                // both steps of the gate pass before anything that can trade is built
                new LiveGate(java.time.Clock.systemUTC(), Terminal.system()).check(settings);
                live = Optional.of(LiveKeys.unlock(settings, redactor));
            }
            return new RunCommand(settings, redactor, invocation, live).run(once);
        });
    }

    @Override
    public int kill(Invocation invocation, String reason, boolean closePositions) {
        return following(invocation, DatabaseAccount.Follow.EXCHANGE_AND_MODE, (settings, redactor) -> new KillCommand(
                        settings, redactor, invocation)
                .kill(reason, closePositions));
    }

    @Override
    public int release(Invocation invocation, String reason) {
        return following(invocation, DatabaseAccount.Follow.EXCHANGE_AND_MODE, (settings, redactor) -> new KillCommand(
                        settings, redactor, invocation)
                .release(reason));
    }

    @Override
    public int encryptKeys(Invocation invocation, String exchange) {
        return guarded(invocation, (settings, redactor) -> new EncryptKeysCommand(settings, invocation).run(exchange));
    }

    @Override
    public int sim(Invocation invocation, SimulatorRequest request) {
        return guarded(invocation, (settings, redactor) -> new SimCommand(settings, invocation).run(request));
    }

    @Override
    public int backtest(Invocation invocation, TraderApp.BacktestRequest request) {
        return guarded(invocation, (settings, redactor) -> new BacktestCommand(settings, invocation)
                .run(new BacktestCommand.Options(
                        Optional.ofNullable(request.from()),
                        Optional.ofNullable(request.to()),
                        request.interval(),
                        Optional.ofNullable(request.data()).map(workingDir::resolve),
                        workingDir.resolve(request.reportDir()))));
    }

    @Override
    public int downloadCandles(Invocation invocation, CandleDownload request) {
        return guarded(invocation, (settings, redactor) -> new CandlesCommand(
                        settings,
                        invocation,
                        java.time.Clock.systemUTC(),
                        Sleeper.THREAD,
                        System.console() != null,
                        System::nanoTime)
                .download(request));
    }

    @Override
    public int status(Invocation invocation) {
        return following(
                invocation,
                DatabaseAccount.Follow.EXCHANGE_AND_MODE,
                (settings, redactor) -> new StatusCommand(settings, invocation, java.time.Clock.systemUTC()).print());
    }

    @Override
    public int selftest(Invocation invocation, boolean notify) {
        return guardedLoaded(invocation, (loaded, redactor) -> new SelftestCommand(
                        loaded.settings(), redactor, loaded.warnings(), invocation)
                .run(notify));
    }

    @Override
    public int web(Invocation invocation, String host, int port) {
        return following(invocation, DatabaseAccount.Follow.EXCHANGE_AND_MODE, (settings, redactor) -> new WebCommand(
                        settings, redactor, mode -> settingsFor(invocation, mode, settings), invocation)
                .serve(host, port));
    }

    /**
     * The settings of this invocation with TRADING_MODE set to {@code mode} (for the dashboard's start),
     * on the exchange the dashboard serves.
     */
    private Settings settingsFor(Invocation invocation, io.cointrader.config.TradingMode mode, Settings served) {
        Map<String, String> overrides = new java.util.HashMap<>(invocation.overrides());
        overrides.put("TRADING_MODE", mode.name().toLowerCase(java.util.Locale.ROOT));
        overrides.putIfAbsent("EXCHANGE", served.exchange().name().toLowerCase(java.util.Locale.ROOT));
        return SettingsLoader.load(overrides, environment, workingDir).settings();
    }

    /**
     * As {@link #guarded}, with the exchange (and, for {@code follow}, the mode) of an existing database
     * when the user did not choose them: the command works on that account, and a line says so.
     */
    private int following(Invocation invocation, DatabaseAccount.Follow follow, Action action) {
        return guardedLoaded(invocation, (loaded, redactor) -> {
            Map<String, String> followed = DatabaseAccount.overrides(loaded, follow);
            if (followed.isEmpty()) {
                return action.run(loaded.settings(), redactor);
            }
            invocation.err().println("note: " + DatabaseAccount.notice(loaded.settings(), followed));
            Map<String, String> overrides = new java.util.HashMap<>(invocation.overrides());
            overrides.putAll(followed);
            Settings settings =
                    SettingsLoader.load(overrides, environment, workingDir).settings();
            return action.run(settings, SystemBuilder.startLogging(settings));
        });
    }

    private int guarded(Invocation invocation, Action action) {
        return guardedLoaded(invocation, (loaded, redactor) -> action.run(loaded.settings(), redactor));
    }

    private int guardedLoaded(Invocation invocation, LoadedAction action) {
        Redactor redactor = Redactor.withSecrets(java.util.List.of());
        try {
            ConfigResult loaded = SettingsLoader.load(invocation.overrides(), environment, workingDir);
            Settings settings = loaded.settings();
            redactor = SystemBuilder.startLogging(settings);
            LOG.atInfo()
                    .addKeyValue("event", "settings")
                    .addKeyValue("settings", SettingsSummary.lines(settings))
                    .log("settings loaded");
            loaded.warnings().forEach(w -> invocation.err().println("note: " + w));
            return action.run(loaded, redactor);
        } catch (ConfigException e) {
            invocation.err().println("error: " + e.getMessage());
            return USAGE;
        } catch (UserError e) {
            invocation.err().println("error: " + e.getMessage());
            return e.exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation.err().println("error: interrupted");
            return FAILURE;
        } catch (Exception e) {
            LOG.error("command failed", e);
            invocation.err().println("error: " + redactor.redact(describe(e)) + " (details in the general log)");
            return FAILURE;
        } finally {
            invocation.out().flush();
            invocation.err().flush();
            LogSetup.shutdown();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    static RunLock lockOrFail(Settings settings) throws IOException {
        Optional<RunLock> lock = RunLock.tryAcquire(settings.storage().dbPath());
        return lock.orElseThrow(() -> new UserError(
                FAILURE,
                "another trader is already running on " + settings.storage().dbPath() + " (lock "
                        + RunLock.pathFor(settings.storage().dbPath()) + ")"));
    }
}
