package io.cointrader.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trader}: the top-level command. */
@Command(
        name = "trader",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Safety-first automated trading for the Upbit KRW market.",
        subcommands = {
            TraderCommand.Run.class,
            TraderCommand.Kill.class,
            TraderCommand.Release.class,
            TraderCommand.Status.class,
            TraderCommand.Selftest.class,
            TraderCommand.Web.class,
            TraderCommand.Backtest.class,
            TraderCommand.EncryptKeys.class,
            TraderCommand.Sim.class,
            TraderCommand.Candles.class
        })
public final class TraderCommand implements Runnable {

    private final TraderApp app;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public TraderCommand(TraderApp app) {
        this.app = app;
    }

    /** Builds the command line with one-line errors and exit code 2 for bad usage. */
    public static CommandLine commandLine(TraderApp app) {
        CommandLine cli = new CommandLine(new TraderCommand(app));
        cli.setParameterExceptionHandler(new OneLineUsageErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    TraderApp.Invocation invocation(Map<String, String> overrides) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new TraderApp.Invocation(overrides, out, err);
    }

    /** {@code trader run}. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the trading loop.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Mixin
        ModeOption mode;

        @Option(names = "--once", description = "Make one pass over the symbols, then exit.")
        boolean once;

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            mode.putInto(overrides);
            return parent.app.run(parent.invocation(overrides), once);
        }
    }

    /** {@code trader kill}. */
    @Command(
            name = "kill",
            mixinStandardHelpOptions = true,
            description = "Activate the kill switch: no new orders until it is released.")
    static final class Kill implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Option(
                names = "--close-positions",
                description = "Also cancel open orders and sell every position (audited emergency path).")
        boolean closePositions;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the audit log.")
        String reason = "manual kill from the command line";

        @Override
        public Integer call() {
            return parent.app.kill(parent.invocation(settings.overrides()), reason, closePositions);
        }
    }

    /** {@code trader release}. */
    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = "Release the kill switch so that trading may resume.")
    static final class Release implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the audit log.")
        String reason = "manual release from the command line";

        @Override
        public Integer call() {
            return parent.app.release(parent.invocation(settings.overrides()), reason);
        }
    }

    /** {@code trader status}. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "Show what the database in DB_PATH holds, without trading: the kill switch, the balances,",
                "the trader's positions (dust and holdings it does not manage apart), equity, today's PnL,",
                "open orders and recent safety events. The database must be of the mode and exchange given."
            })
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Mixin
        ModeOption mode;

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            mode.putInto(overrides);
            return parent.app.status(parent.invocation(overrides));
        }
    }

    /** {@code trader encrypt-keys}. */
    @Command(
            name = "encrypt-keys",
            mixinStandardHelpOptions = true,
            description = {
                "Ask for the exchange's access and secret key (no echo; piped input is read line by line)",
                "and store them encrypted with a master key in UPBIT_KEY_FILE (mode 0600)."
            })
    static final class EncryptKeys implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Option(names = "--exchange", required = true, paramLabel = "upbit", description = "Exchange the keys are for.")
        String exchange;

        @Option(names = "--key-file", paramLabel = "FILE", description = "Where to write them (UPBIT_KEY_FILE).")
        String keyFile;

        @Override
        public Integer call() {
            Map<String, String> overrides = new java.util.LinkedHashMap<>();
            SettingOptions.put(overrides, "UPBIT_KEY_FILE", keyFile);
            return parent.app.encryptKeys(parent.invocation(overrides), exchange);
        }
    }

    /** {@code trader sim}. */
    @Command(
            name = "sim",
            mixinStandardHelpOptions = true,
            description = "Run an Upbit-compatible simulator on 127.0.0.1 over the replay history.")
    static final class Sim implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
        int port = 8765;

        @Option(
                names = "--speed",
                paramLabel = "X",
                description = "Market time per wall time (default ${DEFAULT-VALUE}: one hour per minute).")
        double speed = 60;

        @Option(names = "--krw", paramLabel = "AMOUNT", description = "Starting KRW (default ${DEFAULT-VALUE}).")
        String krw = "10000000";

        @Option(names = "--access-key", paramLabel = "KEY", description = "Simulator access key (random if unset).")
        String accessKey;

        @Option(names = "--secret-key", paramLabel = "KEY", description = "Simulator secret key (random if unset).")
        String secretKey;

        @Option(
                names = "--holding",
                paramLabel = "CUR=QTY@AVG",
                description = "Coins the account starts with, e.g. BTC=0.5@90000000 (repeatable).")
        List<String> holdings = new ArrayList<>();

        @Option(
                names = "--key-expires-in-days",
                paramLabel = "N",
                description = "Days until the simulator's API key expires (default ${DEFAULT-VALUE}, as Upbit's).")
        int keyExpiresInDays = 365;

        @Override
        public Integer call() {
            if (port < 0 || port > 65535 || !(speed > 0) || Double.isInfinite(speed)) {
                parent.spec.commandLine().getErr().println("error: --port must be 0..65535 and --speed above 0");
                return 2;
            }
            if (keyExpiresInDays < 0 || keyExpiresInDays > 3650) {
                parent.spec.commandLine().getErr().println("error: --key-expires-in-days must be 0..3650");
                return 2;
            }
            return parent.app.sim(
                    parent.invocation(Map.of()),
                    new TraderApp.SimulatorRequest(port, speed, krw, accessKey, secretKey, holdings, keyExpiresInDays));
        }
    }

    /** {@code trader web}. */
    @Command(
            name = "web",
            mixinStandardHelpOptions = true,
            description = {
                "Serve the dashboard (Korean UI and JSON API) over the database in DB_PATH.",
                "Binds 127.0.0.1 unless --host says otherwise; another address needs WEB_MASTER_CODE."
            })
    static final class Web implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Mixin
        ModeOption mode;

        @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default ${DEFAULT-VALUE}).")
        String host = "127.0.0.1";

        @Option(names = "--port", paramLabel = "PORT", description = "Port (default ${DEFAULT-VALUE}; 0 = any free).")
        int port = 8000;

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                parent.spec.commandLine().getErr().println("error: --port must be 0..65535");
                return 2;
            }
            Map<String, String> overrides = settings.overrides();
            mode.putInto(overrides);
            return parent.app.web(parent.invocation(overrides), host, port);
        }
    }

    /** {@code trader backtest}. */
    @Command(
            name = "backtest",
            mixinStandardHelpOptions = true,
            description = {
                "Run the strategy, risk manager, execution engine and paper broker of `trader run` over",
                "historical candles on a simulated clock; print the report and write it as HTML and CSV.",
                "Every risk setting of `run` applies (--set NAME=VALUE)."
            })
    static final class Backtest implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Option(
                names = "--from",
                paramLabel = "DATE",
                description = "First step: a date (UTC midnight) or an instant like 2025-10-20T09:00:00Z "
                        + "(default: once 200 candles are behind, as the live loop sees them).")
        String from;

        @Option(
                names = "--to",
                paramLabel = "DATE",
                description = "Last step, included (default: the end of the data).")
        String to;

        @Option(
                names = "--interval",
                paramLabel = "INTERVAL",
                description = "Candle interval: 1m, 3m, 5m, 15m, 30m, 60m, 4h, 1d (default ${DEFAULT-VALUE}).")
        String interval = "60m";

        @Option(
                names = "--data",
                paramLabel = "FILE|DIR|cache",
                description = "Candle CSV (timestamp_utc,open,high,low,close,volume), a folder of them named "
                        + "like KRW-BTC_60m.csv, or `cache` for the candles of `trader candles download` "
                        + "(default: the bundled Upbit history, 60m).")
        String data;

        @Option(names = "--initial-krw", paramLabel = "AMOUNT", description = "Starting cash (PAPER_INITIAL_KRW).")
        String initialKrw;

        @Option(
                names = "--report-dir",
                paramLabel = "DIR",
                description = "Where the HTML report and the trade list go (default ${DEFAULT-VALUE}).")
        String reportDir = "reports";

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            SettingOptions.put(overrides, "PAPER_INITIAL_KRW", initialKrw);
            return parent.app.backtest(
                    parent.invocation(overrides), new TraderApp.BacktestRequest(from, to, interval, data, reportDir));
        }
    }

    /** {@code trader selftest}. */
    @Command(
            name = "selftest",
            mixinStandardHelpOptions = true,
            description = {
                "Check configuration, database, logs, kill switch, exchange, keys (live), LLM (when enabled)",
                "and Slack (when configured); one line each with a hint. Exit 1 when a required check fails."
            })
    static final class Selftest implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Mixin
        ModeOption mode;

        @Option(names = "--notify", description = "Also send a test message to Slack.")
        boolean notify;

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            mode.putInto(overrides);
            return parent.app.selftest(parent.invocation(overrides), notify);
        }
    }

    /** {@code trader candles}: historical candles. */
    @Command(
            name = "candles",
            mixinStandardHelpOptions = true,
            description = "Historical candles from Upbit, kept in a local cache (CANDLE_CACHE_PATH).",
            subcommands = {TraderCommand.CandlesDownload.class})
    static final class Candles implements Runnable {
        @ParentCommand
        TraderCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** {@code trader candles download}. */
    @Command(
            name = "download",
            mixinStandardHelpOptions = true,
            description = {
                "Download candles of the symbols into the cache, within Upbit's rate limit.",
                "Resumable: what the cache already holds is not fetched again; an interrupted run keeps",
                "every page it got. The candle still forming is left out."
            })
    static final class CandlesDownload implements Callable<Integer> {
        @ParentCommand
        Candles parent;

        @Mixin
        SettingOptions settings;

        @Option(
                names = "--interval",
                required = true,
                paramLabel = "1m|3m|5m|10m|15m|30m|60m|240m|1h|4h|1d",
                description = "Candle interval.")
        String interval;

        @Option(
                names = "--from",
                required = true,
                paramLabel = "DATE",
                description =
                        "First open time: YYYY-MM-DD (00:00 UTC) or an ISO-8601 time such as 2025-01-01T09:00:00Z.")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "End, exclusive, in the same forms (default: now).")
        String to;

        @Option(names = "--cache", paramLabel = "FILE", description = "Candle cache file (CANDLE_CACHE_PATH).")
        String cache;

        @Option(
                names = "--requests-per-second",
                paramLabel = "N",
                description = "Request budget, 1 to 10 (Upbit allows 10; default ${DEFAULT-VALUE}).")
        int requestsPerSecond = 8;

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            SettingOptions.put(overrides, "CANDLE_CACHE_PATH", cache);
            TraderCommand root = parent.parent;
            return root.app.downloadCandles(
                    root.invocation(overrides), new TraderApp.CandleDownload(interval, from, to, requestsPerSecond));
        }
    }
}
