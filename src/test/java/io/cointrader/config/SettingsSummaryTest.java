package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSummaryTest {

    /** The variable names of the original system, which an existing {@code .env} uses. */
    private static final List<String> SPEC_NAMES = List.of(
            "TRADING_MODE",
            "EXCHANGE",
            "UPBIT_BASE_URL",
            "TRADING_SYMBOLS",
            "MARKET_DATA_INTERVAL_SEC",
            "LIVE_MODE_TOKEN_PATH",
            "UPBIT_KEY_FILE",
            "UPBIT_MASTER_KEY",
            "LIVE_TRADING_CONFIRMATION",
            "MAX_POSITION_SIZE_PCT",
            "MAX_POSITIONS",
            "DAILY_MAX_DRAWDOWN_PCT",
            "MAX_ORDERS_PER_SECOND",
            "MAX_ORDERS_PER_DAY",
            "MAX_SLIPPAGE_BPS",
            "MAX_CAPITAL_KRW",
            "DEFAULT_ORDER_TYPE",
            "FUTURES_ENABLED",
            "MAX_LEVERAGE",
            "CIRCUIT_BREAKER_THRESHOLD_PCT",
            "API_FAILURE_THRESHOLD",
            "PRICE_ANOMALY_PCT",
            "SPREAD_ANOMALY_PCT",
            "BALANCE_MISMATCH_TOLERANCE_PCT",
            "BUY_ORDER_TIMEOUT_SEC",
            "SELL_ORDER_TIMEOUT_SEC",
            "UNKNOWN_ORDER_GRACE_SEC",
            "STOP_LOSS_PCT",
            "TAKE_PROFIT_PCT",
            "TRAILING_STOP_PCT",
            "PAPER_INITIAL_KRW",
            "PAPER_FEE_RATE",
            "DB_PATH",
            "LOG_DIR",
            "LOG_LEVEL",
            "CANDLE_CACHE_PATH",
            "KILL_SWITCH_FILE",
            "SLACK_WEBHOOK_URL",
            "WEB_MASTER_CODE",
            "LLM_ENABLED",
            "LLM_AUTH_MODE",
            "LLM_PROVIDER",
            "LLM_API_KEY",
            "LLM_MODEL",
            "LLM_OAUTH_AUTH_FILE",
            "LLM_OAUTH_MODEL",
            "LLM_OAUTH_OPEN_BROWSER",
            "LLM_OAUTH_FORCE_LOGIN",
            "LLM_OAUTH_MODELS",
            "LLM_OAUTH_CALLBACK_PORT",
            "LLM_OPENAI_BASE_URL",
            "LLM_ANTHROPIC_BASE_URL",
            "LLM_OAUTH_ISSUER",
            "LLM_CODEX_BASE_URL",
            "LLM_TIMEOUT_SEC",
            "LLM_DAILY_CALL_LIMIT",
            "LLM_DAILY_TOKEN_LIMIT",
            "LLM_MIN_PRICE_MOVE_PCT",
            "REPLAY_DATA_DIR",
            "REPLAY_FROM",
            "REPLAY_TO",
            "REPLAY_STEP_SEC");

    private static final Map<String, String> CANARY_SECRETS = Map.of(
            "UPBIT_MASTER_KEY", "canary-master-key",
            "LIVE_TRADING_CONFIRMATION", "canary-confirmation",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/canary-webhook",
            "WEB_MASTER_CODE", "canary-master-code",
            "LLM_API_KEY", "sk-canary-api-key");

    @TempDir
    Path dir;

    @Test
    void listsEverySettingOnceInAFixedOrder() {
        List<String> lines = SettingsSummary.lines(SettingsLoader.defaults(dir));

        assertThat(lines)
                .extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactlyElementsOf(SPEC_NAMES);
    }

    @Test
    void showsEffectiveValues() {
        List<String> lines = SettingsSummary.lines(SettingsLoader.defaults(dir));

        assertThat(lines)
                .contains(
                        "TRADING_MODE=paper",
                        "TRADING_SYMBOLS=[\"BTC/KRW\",\"ETH/KRW\"]",
                        "MARKET_DATA_INTERVAL_SEC=60",
                        "PAPER_FEE_RATE=0.0005",
                        "DEFAULT_ORDER_TYPE=limit",
                        "DB_PATH=" + dir.toAbsolutePath().resolve("data/coin_trader.db"),
                        "REPLAY_FROM=(not set)",
                        "REPLAY_STEP_SEC=3600",
                        "UPBIT_MASTER_KEY=(not set)",
                        "LLM_API_KEY=(not set)");
    }

    @Test
    void aSummaryCanBeLoadedBackToTheSameSettings() {
        Settings original = SettingsLoader.load(
                        Map.of(), Map.of("TRADING_SYMBOLS", "XRP/KRW", "MAX_POSITION_SIZE_PCT", "7.5"), dir)
                .settings();
        Map<String, String> reloaded = new java.util.HashMap<>();
        for (String line : SettingsSummary.lines(original)) {
            String value = line.substring(line.indexOf('=') + 1);
            if (!value.startsWith("(")) {
                reloaded.put(line.substring(0, line.indexOf('=')), value);
            }
        }

        assertThat(SettingsLoader.load(Map.of(), reloaded, dir).settings()).isEqualTo(original);
    }

    @Test
    void secretsAppearOnlyAsSetNeverAsValues() {
        Settings settings = SettingsLoader.load(Map.of(), CANARY_SECRETS, dir).settings();

        List<String> lines = SettingsSummary.lines(settings);

        assertThat(lines).noneMatch(line -> line.contains("canary"));
        assertThat(lines)
                .contains(
                        "UPBIT_MASTER_KEY=(set)",
                        "LIVE_TRADING_CONFIRMATION=(set)",
                        "SLACK_WEBHOOK_URL=(set)",
                        "WEB_MASTER_CODE=(set)",
                        "LLM_API_KEY=(set)");
        assertThat(settings.toString()).doesNotContain("canary");
    }

    @Test
    void errorsAndWarningsNeverCarrySecrets() throws Exception {
        Path dotEnv =
                Files.writeString(dir.resolve(".env"), "UPBIT_MASTER_KEY=canary-in-file\nLLM_API_KEY=sk-canary-file\n");
        Files.setPosixFilePermissions(dotEnv, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> env = new java.util.HashMap<>(CANARY_SECRETS);

        ConfigResult result = SettingsLoader.load(Map.of(), env, dir);
        env.put("SLACK_WEBHOOK_URL", "http://hooks.slack.com/canary-plain-http");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SettingsLoader.load(Map.of(), env, dir));

        assertThat(result.warnings()).hasSize(2).noneMatch(w -> w.contains("canary"));
        assertThat(e.getMessage()).startsWith("SLACK_WEBHOOK_URL: ").doesNotContain("canary");
    }

    @Test
    void everyLineIsOneLineEvenForOddPaths() {
        Settings settings = SettingsLoader.load(Map.of(), Map.of("LOG_DIR", "logs\nINJECTED=1"), dir)
                .settings();

        assertThat(SettingsSummary.lines(settings))
                .allMatch(line -> !line.contains("\n"))
                .noneMatch(line -> line.startsWith("INJECTED"));
    }
}
