package io.cointrader.cli;

import java.io.PrintWriter;
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
            TraderCommand.EncryptKeys.class
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

        @Option(
                names = "--mode",
                paramLabel = "paper|live",
                description = "Trading mode (TRADING_MODE); paper is the default.")
        String mode;

        @Option(names = "--once", description = "Make one pass over the symbols, then exit.")
        boolean once;

        @Override
        public Integer call() {
            Map<String, String> overrides = settings.overrides();
            SettingOptions.put(overrides, "TRADING_MODE", mode);
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
            description = "Show the kill switch, balances, positions, open orders and today's PnL.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TraderCommand parent;

        @Mixin
        SettingOptions settings;

        @Override
        public Integer call() {
            return parent.app.status(parent.invocation(settings.overrides()));
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
}
