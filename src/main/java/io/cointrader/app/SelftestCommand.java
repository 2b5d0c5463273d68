package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.ExchangeKind;
import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.upbit.UpbitExchangeAdapter;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.logging.Redactor;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.KillSwitchStatus;
import io.cointrader.security.KeyFileException;
import io.cointrader.security.KeyManager;
import io.cointrader.security.UpbitKeys;
import io.cointrader.state.DatabaseHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code trader selftest}: checks configuration, storage, logs, the kill switch, the exchange, the
 * keys (live), the LLM advisor (when enabled) and Slack (when configured), and prints one table line
 * each with a hint. Changes nothing, except that {@code --notify} sends one Slack test message.
 */
final class SelftestCommand {

    private final Settings settings;
    private final Redactor redactor;
    private final List<String> configNotes;
    private final PrintWriter out;
    private final Clock clock = Clock.systemUTC();
    private Optional<UpbitKeys> decryptedKeys = Optional.empty();

    SelftestCommand(Settings settings, Redactor redactor, List<String> configNotes, Invocation invocation) {
        this.settings = settings;
        this.redactor = redactor;
        this.configNotes = List.copyOf(configNotes);
        this.out = invocation.out();
    }

    int run(boolean notify) {
        List<Check> checks = new ArrayList<>();
        checks.add(configuration());
        checks.add(database());
        checks.add(logDirectory());
        checks.add(killSwitch());
        checks.add(exchange());
        checks.add(liveGate());
        checks.add(liveKeys());
        checks.add(keyExpiry());
        checks.addAll(SelftestIntegrations.checks(settings, redactor, notify));
        SelfTest.print(checks, out);
        return SelfTest.failed(checks) ? Application.FAILURE : Application.OK;
    }

    private Check configuration() {
        String summary = lower(settings.mode()) + " mode, exchange " + lower(settings.exchange()) + ", "
                + settings.symbols().stream().map(Symbol::toString).collect(Collectors.joining(" "));
        if (configNotes.isEmpty()) {
            return Check.pass("configuration", summary);
        }
        return new Check("configuration", Status.WARN, summary, String.join("; ", configNotes));
    }

    private Check database() {
        Path file = settings.storage().dbPath();
        DatabaseHealth health = DatabaseHealth.inspect(file);
        if (!health.exists()) {
            return writableDirectory(
                    "database",
                    file.toAbsolutePath().getParent(),
                    Display.path(file) + " does not exist yet; it is created at the first run");
        }
        if (health.problem() != null) {
            return new Check(
                    "database",
                    Status.FAIL,
                    Display.path(file) + ": " + health.problem(),
                    "point DB_PATH at a coin-trader database, or move this file away");
        }
        if (health.schemaVersion() > health.latestVersion()) {
            return new Check(
                    "database",
                    Status.FAIL,
                    "schema " + health.schemaVersion() + " is newer than this" + " program (" + health.latestVersion()
                            + ")",
                    "run a newer coin-trader");
        }
        if (!Files.isWritable(file)) {
            return new Check(
                    "database",
                    Status.FAIL,
                    Display.path(file) + " is not writable",
                    "fix the file's permissions or DB_PATH");
        }
        String detail = Display.path(file) + ": " + health.journalMode() + " journal, schema "
                + health.schemaVersion() + " of " + health.latestVersion()
                + (health.schemaVersion() < health.latestVersion() ? " (migrated at the next run)" : "");
        return "wal".equalsIgnoreCase(health.journalMode())
                ? Check.pass("database", detail)
                : new Check("database", Status.WARN, detail, "the next run switches it to WAL");
    }

    private Check logDirectory() {
        Path dir = settings.storage().logDir();
        return writableDirectory("log directory", dir, Display.path(dir) + " is writable");
    }

    private Check writableDirectory(String name, Path dir, String okDetail) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return new Check(
                    name,
                    Status.FAIL,
                    Display.path(dir) + " cannot be created or written",
                    "choose a writable location (DB_PATH / LOG_DIR) or fix the permissions");
        }
        return Check.pass(name, okDetail);
    }

    private Check killSwitch() {
        KillSwitchStatus status = new KillSwitch(settings.safety().killSwitchFile(), clock).status();
        if (!status.active()) {
            return Check.pass(
                    "kill switch", "off (" + Display.path(settings.safety().killSwitchFile()) + ")");
        }
        return new Check(
                "kill switch",
                Status.WARN,
                "ACTIVE since " + status.since() + ": " + status.reason(),
                "no orders are placed until it is released: trader release");
    }

    private Check exchange() {
        Symbol symbol = settings.symbols().get(0);
        if (settings.exchange() == ExchangeKind.REPLAY) {
            try {
                History history =
                        settings.replay().dataDir().map(History::fromDirectory).orElseGet(History::bundled);
                return history.symbols().containsAll(settings.symbols())
                        ? Check.pass(
                                "exchange",
                                "replay history has " + history.symbols().size() + " symbol(s); no network needed")
                        : new Check(
                                "exchange",
                                Status.FAIL,
                                "no replay history for some of TRADING_SYMBOLS",
                                "trade " + history.symbols());
            } catch (RuntimeException e) {
                return new Check(
                        "exchange",
                        Status.FAIL,
                        "replay history unreadable: " + e.getMessage(),
                        "check REPLAY_DATA_DIR");
            }
        }
        try {
            Instant start = clock.instant();
            MarketData ticker = new UpbitExchangeAdapter(new UpbitHttp(quickOptions(), clock)).ticker(symbol);
            long millis = Duration.between(start, clock.instant()).toMillis();
            return Check.pass(
                    "exchange",
                    settings.upbitBaseUrl() + " answered " + symbol + " " + Display.krw(ticker.price()) + " KRW in "
                            + millis + " ms");
        } catch (ExchangeException | IllegalArgumentException e) {
            return new Check(
                    "exchange",
                    Status.FAIL,
                    settings.upbitBaseUrl() + " is unreachable: " + redactor.redact(String.valueOf(e.getMessage())),
                    "check the network (or use --exchange replay to work offline)");
        }
    }

    private Check liveGate() {
        if (settings.mode() != TradingMode.LIVE) {
            return Check.skip("live-mode token", "paper mode");
        }
        Path token = settings.live().liveModeTokenPath();
        try {
            if (!Files.isRegularFile(token)) {
                return new Check(
                        "live-mode token",
                        Status.FAIL,
                        "no token at " + Display.path(token),
                        "date > " + Display.path(token) + " (valid for 24 hours)");
            }
            Duration age = Duration.between(Files.getLastModifiedTime(token).toInstant(), clock.instant());
            return age.compareTo(LiveGate.TOKEN_LIFETIME) > 0
                    ? new Check(
                            "live-mode token",
                            Status.FAIL,
                            "older than 24 hours",
                            "refresh it: date > " + Display.path(token))
                    : Check.pass("live-mode token", "written " + age.toHours() + " h ago");
        } catch (IOException e) {
            return new Check("live-mode token", Status.FAIL, e.getMessage(), "check LIVE_MODE_TOKEN_PATH");
        }
    }

    private Check liveKeys() {
        if (settings.mode() != TradingMode.LIVE) {
            return Check.skip("exchange keys", "paper mode needs none");
        }
        Path file = settings.live().upbitKeyFile();
        if (!Files.exists(file)) {
            return new Check(
                    "exchange keys",
                    Status.FAIL,
                    "no key file at " + Display.path(file),
                    "trader encrypt-keys --exchange upbit");
        }
        if (settings.live().upbitMasterKey().isEmpty()) {
            return new Check(
                    "exchange keys",
                    Status.WARN,
                    Display.path(file) + " exists; not decrypted",
                    "set UPBIT_MASTER_KEY to check that it decrypts (a run asks for it otherwise)");
        }
        try {
            decryptedKeys = Optional.of(KeyManager.withSystemDefaults()
                    .read(file, settings.live().upbitMasterKey().get()));
            return Check.pass("exchange keys", Display.path(file) + " decrypts with UPBIT_MASTER_KEY");
        } catch (KeyFileException e) {
            return new Check(
                    "exchange keys",
                    Status.FAIL,
                    e.getMessage(),
                    "check UPBIT_MASTER_KEY or re-run" + " trader encrypt-keys");
        }
    }

    private Check keyExpiry() {
        if (settings.mode() != TradingMode.LIVE) {
            return Check.skip(SelftestKeyExpiry.NAME, "paper mode needs no keys");
        }
        if (settings.exchange() != ExchangeKind.UPBIT) {
            return Check.skip(SelftestKeyExpiry.NAME, "the replay exchange has no keys");
        }
        return decryptedKeys
                .map(keys -> SelftestKeyExpiry.check(keys, quickOptions(), clock, redactor))
                .orElseGet(() -> Check.skip(SelftestKeyExpiry.NAME, "the keys are not decrypted"));
    }

    /** One attempt with short timeouts: a self-test answers quickly. */
    private UpbitOptions quickOptions() {
        UpbitOptions defaults = UpbitOptions.defaults(settings.upbitBaseUrl(), "selftest");
        return new UpbitOptions(
                defaults.baseUrl(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(8),
                1,
                defaults.initialBackoff(),
                defaults.maxBackoff(),
                defaults.defaultBanDuration(),
                defaults.userAgent());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
