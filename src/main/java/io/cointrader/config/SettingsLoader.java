package io.cointrader.config;

import static io.cointrader.config.Variable.*;

import io.cointrader.config.SettingSources.Raw;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds {@link Settings} from command-line flags, the environment, the {@code .env} file of the
 * working directory and the defaults, in that order of precedence, and validates every value.
 */
public final class SettingsLoader {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String PERCENT = "a number above 0 and at most 100";
    private static final Predicate<BigDecimal> ABOVE_ZERO_TO_HUNDRED = x -> x.signum() > 0 && x.compareTo(HUNDRED) <= 0;

    private SettingsLoader() {}

    /**
     * Loads and validates the settings.
     *
     * @param overrides command-line flags keyed by variable name (e.g. {@code TRADING_MODE})
     * @param environment the process environment
     * @param workingDir where {@code .env} is looked for and relative paths start
     * @throws ConfigException for the first invalid setting, with a one-line message
     */
    public static ConfigResult load(Map<String, String> overrides, Map<String, String> environment, Path workingDir) {
        Path dir = workingDir.toAbsolutePath().normalize();
        List<String> warnings = new ArrayList<>();
        Path dotEnvFile = dir.resolve(".env");
        Map<String, String> dotEnv = DotEnv.read(dotEnvFile);
        warnIfSecretsReadableByOthers(dotEnvFile, dotEnv, warnings);
        SettingSources sources = SettingSources.of(overrides, environment, dotEnv, warnings);
        Settings settings = build(new SettingReader(sources, dir, warnings), warnings);
        java.util.Set<String> given = new java.util.HashSet<>();
        for (Variable v : Variable.values()) {
            if (sources.lookup(v).filter(raw -> !raw.isBlank()).isPresent()) {
                given.add(v.name());
            }
        }
        return new ConfigResult(settings, warnings, given);
    }

    /** Every setting at its default, relative paths from the current directory; reads nothing. */
    public static Settings defaults() {
        return defaults(Path.of(""));
    }

    /** Every setting at its default, relative paths from {@code workingDir}; reads nothing. */
    public static Settings defaults(Path workingDir) {
        List<String> warnings = new ArrayList<>();
        SettingSources none = SettingSources.of(Map.of(), Map.of(), Map.of(), warnings);
        return build(new SettingReader(none, workingDir.toAbsolutePath().normalize(), warnings), warnings);
    }

    private static Settings build(SettingReader r, List<String> warnings) {
        TradingMode mode = TradingMode.valueOf(upper(r.choice(TRADING_MODE, "paper", "live")));
        ExchangeKind exchange = ExchangeKind.valueOf(upper(r.choice(EXCHANGE, "upbit", "replay")));
        if (mode == TradingMode.LIVE && exchange == ExchangeKind.REPLAY) {
            throw new ConfigException(
                    EXCHANGE.name(),
                    "replay cannot place real orders, so it cannot be used with TRADING_MODE=live",
                    "upbit when TRADING_MODE=live (rehearse against the simulator through UPBIT_BASE_URL)");
        }
        URI baseUrl = r.httpUrl(UPBIT_BASE_URL);
        warnIfPlainHttpToRemoteHost(baseUrl, warnings);
        return new Settings(
                mode,
                exchange,
                baseUrl,
                SymbolList.parse(r.raw(TRADING_SYMBOLS)),
                Duration.ofSeconds(r.integer(MARKET_DATA_INTERVAL_SEC, 1, 86_400)),
                risk(r),
                orders(r),
                exits(r),
                safety(r),
                paper(r),
                new StorageSettings(r.path(DB_PATH), r.path(LOG_DIR), logLevel(r), r.path(CANDLE_CACHE_PATH)),
                new LiveSettings(
                        r.path(LIVE_MODE_TOKEN_PATH),
                        r.path(UPBIT_KEY_FILE),
                        r.secret(UPBIT_MASTER_KEY),
                        r.secret(LIVE_TRADING_CONFIRMATION)),
                llm(r, warnings),
                r.httpsUrlSecret(SLACK_WEBHOOK_URL),
                r.secret(WEB_MASTER_CODE),
                replay(r));
    }

    private static RiskSettings risk(SettingReader r) {
        BigDecimal maxPositionSize = r.decimal(MAX_POSITION_SIZE_PCT, ABOVE_ZERO_TO_HUNDRED, PERCENT);
        int maxPositions = r.integer(MAX_POSITIONS, 1, 1_000);
        BigDecimal dailyMaxDrawdown = r.decimal(DAILY_MAX_DRAWDOWN_PCT, ABOVE_ZERO_TO_HUNDRED, PERCENT);
        int perSecond = r.integer(MAX_ORDERS_PER_SECOND, 1, 100);
        int perDay = r.integer(MAX_ORDERS_PER_DAY, 1, 100_000);
        int slippage = r.integer(MAX_SLIPPAGE_BPS, 0, 10_000);
        boolean market = r.choice(DEFAULT_ORDER_TYPE, "limit", "market").equals("market");
        boolean futures = r.bool(FUTURES_ENABLED);
        int leverage = r.integer(MAX_LEVERAGE, 1, 125);
        Optional<BigDecimal> maxCapital = r.optionalDecimal(
                MAX_CAPITAL_KRW,
                x -> x.compareTo(BigDecimal.valueOf(5_000)) >= 0 && x.compareTo(BigDecimal.TEN.pow(15)) <= 0,
                "a number of KRW from 5000 (Upbit's minimum order) to 10^15, or empty for no cap");
        if (leverage > 1 && !futures) {
            throw new ConfigException(
                    MAX_LEVERAGE.name(),
                    leverage + " needs FUTURES_ENABLED=true",
                    "1 while FUTURES_ENABLED=false; 1 to 125 with FUTURES_ENABLED=true");
        }
        return new RiskSettings(
                maxPositionSize,
                maxPositions,
                dailyMaxDrawdown,
                perSecond,
                perDay,
                slippage,
                market,
                futures,
                leverage,
                maxCapital);
    }

    private static OrderSettings orders(SettingReader r) {
        int week = 7 * 86_400;
        return new OrderSettings(
                Duration.ofSeconds(r.integer(BUY_ORDER_TIMEOUT_SEC, 1, week)),
                Duration.ofSeconds(r.integer(SELL_ORDER_TIMEOUT_SEC, 1, week)),
                Duration.ofSeconds(r.integer(UNKNOWN_ORDER_GRACE_SEC, 0, week)));
    }

    private static ExitSettings exits(SettingReader r) {
        Predicate<BigDecimal> belowHundred = x -> x.signum() >= 0 && x.compareTo(HUNDRED) < 0;
        String offOrBelowHundred = "0 (off) or a percentage above 0 and below 100, e.g. 5";
        return new ExitSettings(
                r.decimal(STOP_LOSS_PCT, belowHundred, offOrBelowHundred),
                r.decimal(
                        TAKE_PROFIT_PCT,
                        x -> x.signum() >= 0 && x.compareTo(BigDecimal.valueOf(10_000)) <= 0,
                        "0 (off) or a percentage above 0 and at most 10000, e.g. 10"),
                r.decimal(TRAILING_STOP_PCT, belowHundred, offOrBelowHundred));
    }

    private static SafetySettings safety(SettingReader r) {
        return new SafetySettings(
                r.path(KILL_SWITCH_FILE),
                r.decimal(CIRCUIT_BREAKER_THRESHOLD_PCT, ABOVE_ZERO_TO_HUNDRED, PERCENT),
                r.integer(API_FAILURE_THRESHOLD, 1, 1_000),
                r.decimal(PRICE_ANOMALY_PCT, ABOVE_ZERO_TO_HUNDRED, PERCENT),
                r.decimal(SPREAD_ANOMALY_PCT, ABOVE_ZERO_TO_HUNDRED, PERCENT),
                r.decimal(
                        BALANCE_MISMATCH_TOLERANCE_PCT,
                        x -> x.signum() >= 0 && x.compareTo(HUNDRED) <= 0,
                        "a number from 0 to 100"));
    }

    private static PaperSettings paper(SettingReader r) {
        BigDecimal minimum = BigDecimal.valueOf(5_000);
        BigDecimal maximum = BigDecimal.TEN.pow(15);
        BigDecimal feeCap = new BigDecimal("0.05");
        return new PaperSettings(
                r.decimal(
                        PAPER_INITIAL_KRW,
                        x -> x.compareTo(minimum) >= 0 && x.compareTo(maximum) <= 0,
                        "a number of KRW from 5000 (Upbit's minimum order) to 10^15"),
                r.decimal(
                        PAPER_FEE_RATE,
                        x -> x.signum() >= 0 && x.compareTo(feeCap) < 0,
                        "a fraction from 0 up to (not including) 0.05, e.g. 0.0005 for 0.05 %"));
    }

    private static String logLevel(SettingReader r) {
        Raw raw = r.raw(LOG_LEVEL);
        // WARNING and CRITICAL are the original system's (Python) spellings
        return switch (raw.text().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "INFO", "WARN", "ERROR" -> raw.text().toUpperCase(Locale.ROOT);
            case "WARNING" -> "WARN";
            case "CRITICAL" -> "ERROR";
            default -> throw SettingReader.invalid(
                    LOG_LEVEL, raw, "is not a log level", "TRACE | DEBUG | INFO | WARN | ERROR (any case)");
        };
    }

    private static LlmSettings llm(SettingReader r, List<String> warnings) {
        boolean enabled = r.bool(LLM_ENABLED);
        String authMode = r.choice(LLM_AUTH_MODE, "api_key", "oauth");
        LlmSettings llm = new LlmSettings(
                enabled,
                authMode,
                r.choice(LLM_PROVIDER, "openai", "anthropic"),
                r.secret(LLM_API_KEY),
                r.modelName(LLM_MODEL),
                r.path(LLM_OAUTH_AUTH_FILE),
                r.modelName(LLM_OAUTH_MODEL),
                r.bool(LLM_OAUTH_OPEN_BROWSER),
                r.bool(LLM_OAUTH_FORCE_LOGIN),
                modelList(r),
                r.integer(LLM_OAUTH_CALLBACK_PORT, 1, 65_535),
                r.httpUrl(LLM_OPENAI_BASE_URL),
                r.httpUrl(LLM_ANTHROPIC_BASE_URL),
                r.httpUrl(LLM_OAUTH_ISSUER),
                r.httpUrl(LLM_CODEX_BASE_URL),
                Duration.ofSeconds(r.integer(LLM_TIMEOUT_SEC, 1, 300)),
                r.integer(LLM_DAILY_CALL_LIMIT, 0, 1_000_000),
                r.integer(LLM_DAILY_TOKEN_LIMIT, 0, Integer.MAX_VALUE),
                r.decimal(
                        LLM_MIN_PRICE_MOVE_PCT,
                        v -> v.signum() >= 0 && v.compareTo(HUNDRED) <= 0,
                        "a percentage from 0 to 100, e.g. 0.5"));
        if (enabled && authMode.equals("api_key") && llm.apiKey().isEmpty()) {
            warnings.add("LLM_ENABLED=true with LLM_AUTH_MODE=api_key but LLM_API_KEY is not set;"
                    + " the advisor cannot answer");
        }
        return llm;
    }

    /** A comma list of model names; empty when not set. */
    private static List<String> modelList(SettingReader r) {
        Optional<String> raw =
                r.optional(LLM_OAUTH_MODELS).map(given -> given.text().strip());
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (String part : raw.get().split(",")) {
            String name = part.strip();
            if (!name.matches("[A-Za-z0-9._:-]{1,64}")) {
                throw new ConfigException(
                        "LLM_OAUTH_MODELS",
                        "'" + name + "' is not a model name",
                        "a comma list of model names such as gpt-5.2-codex,gpt-5.4");
            }
            names.add(name);
        }
        return names;
    }

    private static ReplaySettings replay(SettingReader r) {
        Optional<Path> dataDir = r.optionalDirectory(
                REPLAY_DATA_DIR, "an existing directory of candle history, or empty for the bundled history");
        Optional<Instant> from = r.optionalInstant(REPLAY_FROM);
        Optional<Instant> to = r.optionalInstant(REPLAY_TO);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new ConfigException(
                    REPLAY_TO.name(), to.get() + " is not after REPLAY_FROM " + from.get(), "a time after REPLAY_FROM");
        }
        return new ReplaySettings(dataDir, from, to, Duration.ofSeconds(r.integer(REPLAY_STEP_SEC, 1, 86_400)));
    }

    private static void warnIfPlainHttpToRemoteHost(URI url, List<String> warnings) {
        if (url.getScheme().equals("http") && !isLoopback(url.getHost())) {
            warnings.add("UPBIT_BASE_URL uses plain http to a host that is not this machine;"
                    + " signed requests would travel unencrypted");
        }
    }

    private static boolean isLoopback(String host) {
        // literal checks only: loading settings must not trigger name lookups
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.matches("127(\\.[0-9]{1,3}){3}")
                || h.equals("[::1]")
                || h.equals("[0:0:0:0:0:0:0:1]");
    }

    private static void warnIfSecretsReadableByOthers(Path file, Map<String, String> dotEnv, List<String> warnings) {
        boolean holdsSecret = dotEnv.entrySet().stream()
                .anyMatch(e -> !e.getValue().isBlank()
                        && Variable.named(e.getKey()).map(Variable::secret).orElse(false));
        if (!holdsSecret) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                warnings.add(".env holds secrets and can be read by other users; restrict it with chmod 600 .env");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: permissions cannot be checked this way
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
