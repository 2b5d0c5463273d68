package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.Fuzz;
import io.cointrader.testing.FuzzTally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The configuration loader and the {@code .env} reader, fed valid settings with some values mutated
 * (nasty numbers, wrong kinds, other settings' values, junk names, spellings), whole {@code .env} files
 * built from them, and random text: any input loads or ends in one {@link ConfigException} with a
 * one-line message that never shows a secret value.
 */
class SettingsLoaderFuzzProperties {

    private static final String CANARY = "CANARY-5ecret-7731";
    private static final Path NOWHERE = Path.of(System.getProperty("java.io.tmpdir"), "cointrader-no-such-dir-fz1");

    /** A complete, valid configuration: every variable set. */
    private static final Map<String, String> VALID = valid();

    /** The values of the settings that are not secret: any of them may be shown in a message. */
    private static final List<String> PLAIN_VALUES =
            VALID.values().stream().filter(v -> !v.contains(CANARY)).toList();

    private static Path dir;

    private static Map<String, String> valid() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("TRADING_MODE", "paper");
        v.put("EXCHANGE", "replay");
        v.put("UPBIT_BASE_URL", "http://127.0.0.1:9/sim/");
        v.put("TRADING_SYMBOLS", "[\"BTC/KRW\",\"ETH/KRW\"]");
        v.put("MARKET_DATA_INTERVAL_SEC", "60");
        v.put("LIVE_MODE_TOKEN_PATH", "RUN/live_mode_token.txt");
        v.put("UPBIT_KEY_FILE", "data/upbit_keys.enc");
        v.put("UPBIT_MASTER_KEY", CANARY);
        v.put("LIVE_TRADING_CONFIRMATION", CANARY);
        v.put("MAX_POSITION_SIZE_PCT", "10.5");
        v.put("MAX_POSITIONS", "5");
        v.put("DAILY_MAX_DRAWDOWN_PCT", "5");
        v.put("MAX_ORDERS_PER_SECOND", "1");
        v.put("MAX_ORDERS_PER_DAY", "100");
        v.put("MAX_SLIPPAGE_BPS", "50");
        v.put("DEFAULT_ORDER_TYPE", "limit");
        v.put("FUTURES_ENABLED", "false");
        v.put("MAX_LEVERAGE", "1");
        v.put("CIRCUIT_BREAKER_THRESHOLD_PCT", "15");
        v.put("API_FAILURE_THRESHOLD", "5");
        v.put("PRICE_ANOMALY_PCT", "10");
        v.put("SPREAD_ANOMALY_PCT", "5");
        v.put("BALANCE_MISMATCH_TOLERANCE_PCT", "1.0");
        v.put("PAPER_INITIAL_KRW", "1000000");
        v.put("PAPER_FEE_RATE", "0.0005");
        v.put("DB_PATH", "data/coin_trader.db");
        v.put("LOG_DIR", "logs");
        v.put("LOG_LEVEL", "warning");
        v.put("CANDLE_CACHE_PATH", "data/candles.db");
        v.put("KILL_SWITCH_FILE", "RUN/kill_switch");
        v.put("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/" + CANARY);
        v.put("WEB_MASTER_CODE", CANARY);
        v.put("LLM_ENABLED", "true");
        v.put("LLM_AUTH_MODE", "api_key");
        v.put("LLM_PROVIDER", "anthropic");
        v.put("LLM_API_KEY", CANARY);
        v.put("LLM_MODEL", "gpt-4o-mini");
        v.put("LLM_OAUTH_AUTH_FILE", "data/.auth/openai-oauth.json");
        v.put("LLM_OAUTH_MODEL", "gpt-5.2-codex");
        v.put("LLM_OAUTH_OPEN_BROWSER", "no");
        v.put("LLM_OAUTH_FORCE_LOGIN", "off");
        v.put("LLM_OAUTH_MODELS", "gpt-5.2-codex,gpt-5.4");
        v.put("LLM_OAUTH_CALLBACK_PORT", "1455");
        v.put("LLM_OPENAI_BASE_URL", "https://api.openai.com/v1");
        v.put("LLM_ANTHROPIC_BASE_URL", "https://api.anthropic.com/v1/");
        v.put("LLM_OAUTH_ISSUER", "https://auth.openai.com");
        v.put("LLM_CODEX_BASE_URL", "http://localhost:1/backend-api/codex");
        v.put("LLM_TIMEOUT_SEC", "20");
        v.put("LLM_DAILY_CALL_LIMIT", "500");
        v.put("LLM_DAILY_TOKEN_LIMIT", "1000000");
        v.put("LLM_MIN_PRICE_MOVE_PCT", "0.5");
        v.put("REPLAY_FROM", "2025-10-01");
        v.put("REPLAY_TO", "2025-10-21T00:00:00Z");
        v.put("REPLAY_STEP_SEC", "3600");
        return v;
    }

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("settings-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        Files.deleteIfExists(dir.resolve(".env"));
        Files.deleteIfExists(dir);
    }

    @Property(tries = 10_000)
    void flagsAndEnvironmentLoadOrFailWithOneLine(
            @ForAll("mutatedSettings") Map<String, String> flags,
            @ForAll("mutatedSettings") Map<String, String> environment) {
        assertLoadsOrFailsCleanly(flags, environment, NOWHERE);
    }

    @Property(tries = 1_000)
    void dotEnvFileLoadsOrFailsWithOneLine(@ForAll("dotEnvFile") String text) throws Exception {
        counted(() -> loadDotEnvFile(text));
    }

    /** The same over 10,000 files: about 50 s, so it runs with the long tests. */
    @Property(tries = 10_000)
    @Tag("long")
    void tenThousandDotEnvFilesLoadOrFailWithOneLine(@ForAll("dotEnvFile") String text) throws Exception {
        counted(() -> loadDotEnvFile(text));
    }

    private static void loadDotEnvFile(String text) throws IOException {
        Files.write(dir.resolve(".env"), text.getBytes(StandardCharsets.UTF_8));
        assertLoadsOrFailsCleanly(Map.of(), Map.of(), dir);
    }

    @Property(tries = 10_000)
    void dotEnvTextParsesOrFailsWithOneLine(@ForAll("dotEnvText") String text) {
        try {
            Map<String, String> parsed = DotEnv.parse(text);
            assertThat(parsed.keySet()).allSatisfy(k -> assertThat(k).matches("[A-Za-z_][A-Za-z0-9_.-]*"));
        } catch (ConfigException e) {
            assertOneLine(e);
        } catch (RuntimeException e) {
            throw new AssertionError("DotEnv.parse threw " + e + " for: " + text, e);
        }
    }

    private static void assertLoadsOrFailsCleanly(
            Map<String, String> flags, Map<String, String> environment, Path workingDir) {
        try {
            ConfigResult result = SettingsLoader.load(flags, environment, workingDir);
            assertThat(result.settings()).isNotNull();
            assertThat(result.warnings())
                    .allSatisfy(w -> assertThat(w).doesNotContain(CANARY).doesNotContain("\n"));
        } catch (ConfigException e) {
            assertOneLine(e);
            assertThat(e.getMessage()).doesNotContain(CANARY);
        } catch (RuntimeException e) {
            throw new AssertionError("load threw " + e + " for flags " + flags + " and environment " + environment, e);
        }
    }

    private static void assertOneLine(ConfigException e) {
        assertThat(e.getMessage())
                .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085")
                .contains("; allowed: ")
                .startsWith(e.setting() + ": ");
    }

    /** Inputs checked by this property; its summary line is printed when it ends. */
    private final FuzzTally tally = new FuzzTally();

    private void counted(FuzzTally.Check check) throws Exception {
        tally.counted(check);
    }

    @AfterProperty
    void printSummary() {
        tally.print(getClass().getSimpleName());
    }

    @Provide
    Arbitrary<Map<String, String>> mutatedSettings() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.<String, String>of()),
                Arbitraries.randomValue(SettingsLoaderFuzzProperties::mutate),
                Arbitraries.randomValue(SettingsLoaderFuzzProperties::mutate),
                Arbitraries.maps(Fuzz.text(), Fuzz.text()).ofMaxSize(4));
    }

    @Provide
    Arbitrary<String> dotEnvFile() {
        return Arbitraries.randomValue(random -> {
            String text = render(mutate(random), random);
            return random.nextInt(5) == 0 ? Fuzz.mutateText(text, random) : text;
        });
    }

    @Provide
    Arbitrary<String> dotEnvText() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Fuzz.text(),
                Arbitraries.strings().withChars("AB_=# '\"\\\texport\r\n").ofMaxLength(30));
        return Arbitraries.oneOf(
                line.list().ofMaxSize(8).map(lines -> String.join("\n", lines)), dotEnvFile(), dotEnvFile());
    }

    /** The valid configuration, a random part of it, with 1 to 4 values, names or entries damaged. */
    private static Map<String, String> mutate(Random random) {
        List<String> names = new ArrayList<>(VALID.keySet());
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            if (random.nextInt(3) > 0) {
                out.put(name, VALID.get(name));
            }
        }
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0, 1 -> out.put(name, Fuzz.nasty(random));
                case 2 -> out.put(name, PLAIN_VALUES.get(random.nextInt(PLAIN_VALUES.size())));
                case 3 -> out.put(spelling(name, random), Fuzz.nasty(random));
                case 4 -> out.put(Fuzz.nasty(random), VALID.get(name));
                default -> out.put(name, "  " + VALID.get(name) + Fuzz.nasty(random));
            }
        }
        return out;
    }

    private static String spelling(String name, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> name.toLowerCase(Locale.ROOT);
            case 1 -> name.replace('I', 'ı');
            default -> name + "_";
        };
    }

    /** A {@code .env} file of these settings, with quoting, comments and export prefixes. */
    private static String render(Map<String, String> settings, Random random) {
        StringBuilder out = new StringBuilder();
        settings.forEach((name, value) -> {
            String prefix = random.nextInt(6) == 0 ? "export " : "";
            String shown =
                    switch (random.nextInt(5)) {
                        case 0 -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                        case 1 -> "'" + value + "'";
                        case 2 -> value + " # comment";
                        default -> value;
                    };
            out.append(prefix).append(name).append('=').append(shown).append('\n');
            if (random.nextInt(8) == 0) {
                out.append("# ").append(Fuzz.nasty(random)).append('\n');
            }
        });
        return out.toString();
    }
}
