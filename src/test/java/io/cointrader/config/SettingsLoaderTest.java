package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheSpecification() {
        Settings s = SettingsLoader.load(Map.of(), Map.of(), dir).settings();

        assertThat(s.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(s.exchange()).isEqualTo(ExchangeKind.UPBIT);
        assertThat(s.upbitBaseUrl()).isEqualTo(URI.create("https://api.upbit.com"));
        assertThat(s.symbols()).containsExactly(Symbol.parse("BTC/KRW"), Symbol.parse("ETH/KRW"));
        assertThat(s.marketDataInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.live().liveModeTokenPath()).isEqualTo(dir.resolve("RUN/live_mode_token.txt"));
        assertThat(s.live().upbitKeyFile()).isEqualTo(dir.resolve("data/upbit_keys.enc"));
        assertThat(s.live().upbitMasterKey()).isEmpty();
        assertThat(s.live().liveConfirmation()).isEmpty();
        assertDefaultRisk(s.risk());
        assertDefaultSafety(s.safety());
        assertThat(s.safety().killSwitchFile()).isEqualTo(dir.resolve("RUN/kill_switch"));
        assertThat(s.paper().initialKrw()).isEqualByComparingTo("1000000");
        assertThat(s.paper().feeRate()).isEqualByComparingTo("0.0005");
        assertThat(s.storage())
                .isEqualTo(new StorageSettings(
                        dir.resolve("data/coin_trader.db"),
                        dir.resolve("logs"),
                        "INFO",
                        dir.resolve("data/candles.db")));
        assertThat(s.slackWebhookUrl()).isEmpty();
        assertThat(s.webMasterCode()).isEmpty();
        assertThat(s.llm())
                .isEqualTo(new LlmSettings(
                        false,
                        "api_key",
                        "openai",
                        Optional.empty(),
                        "gpt-4o-mini",
                        dir.resolve("data/.auth/openai-oauth.json"),
                        "gpt-5.2-codex",
                        true,
                        false,
                        java.util.List.of(),
                        1455,
                        java.net.URI.create("https://api.openai.com/v1"),
                        java.net.URI.create("https://api.anthropic.com/v1"),
                        java.net.URI.create("https://auth.openai.com"),
                        java.net.URI.create("https://chatgpt.com/backend-api/codex"),
                        Duration.ofSeconds(20),
                        500,
                        1_000_000L,
                        new java.math.BigDecimal("0.5")));
        assertThat(s.replay())
                .isEqualTo(new ReplaySettings(
                        Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(3600)));
    }

    private static void assertDefaultRisk(RiskSettings risk) {
        assertThat(risk.maxPositionSizePct()).isEqualByComparingTo("10");
        assertThat(risk.maxPositions()).isEqualTo(5);
        assertThat(risk.dailyMaxDrawdownPct()).isEqualByComparingTo("5");
        assertThat(risk.maxOrdersPerSecond()).isEqualTo(1);
        assertThat(risk.maxOrdersPerDay()).isEqualTo(100);
        assertThat(risk.maxSlippageBps()).isEqualTo(50);
        assertThat(risk.allowMarketOrders()).isFalse();
        assertThat(risk.futuresEnabled()).isFalse();
        assertThat(risk.maxLeverage()).isEqualTo(1);
    }

    private static void assertDefaultSafety(SafetySettings safety) {
        assertThat(safety.circuitBreakerThresholdPct()).isEqualByComparingTo("15");
        assertThat(safety.apiFailureThreshold()).isEqualTo(5);
        assertThat(safety.priceAnomalyPct()).isEqualByComparingTo("10");
        assertThat(safety.spreadAnomalyPct()).isEqualByComparingTo("5");
        assertThat(safety.balanceMismatchTolerancePct()).isEqualByComparingTo("1.0");
    }

    @Test
    void defaultsWithoutEnvironmentEqualALoadWithNothingGiven() {
        assertThat(SettingsLoader.defaults(dir))
                .isEqualTo(SettingsLoader.load(Map.of(), Map.of(), dir).settings());
        assertThat(SettingsLoader.load(Map.of(), Map.of(), dir).warnings()).isEmpty();
    }

    @Test
    void defaultsIgnoreADotEnvInTheWorkingDirectory() throws IOException {
        dotEnv("TRADING_MODE=live\n");

        assertThat(SettingsLoader.defaults(dir).mode()).isEqualTo(TradingMode.PAPER);
        assertThat(SettingsLoader.defaults().storage().dbPath()).isAbsolute();
    }

    @Test
    void dotEnvOverridesTheDefault() throws IOException {
        dotEnv("MAX_POSITIONS=2\n");

        assertThat(load(Map.of(), Map.of()).risk().maxPositions()).isEqualTo(2);
    }

    @Test
    void environmentOverridesDotEnv() throws IOException {
        dotEnv("MAX_POSITIONS=2\n");

        assertThat(load(Map.of(), Map.of("MAX_POSITIONS", "3")).risk().maxPositions())
                .isEqualTo(3);
    }

    @Test
    void overrideBeatsEnvironmentAndDotEnv() throws IOException {
        dotEnv("MAX_POSITIONS=2\nTRADING_MODE=paper\n");

        Settings s = load(Map.of("MAX_POSITIONS", "4", "TRADING_MODE", "live"), Map.of("MAX_POSITIONS", "3"));

        assertThat(s.risk().maxPositions()).isEqualTo(4);
        assertThat(s.mode()).isEqualTo(TradingMode.LIVE);
    }

    @Test
    void emptyValueInAHigherLayerMeansDefaultAndWarns() throws IOException {
        dotEnv("MAX_POSITIONS=2\n");

        ConfigResult result = SettingsLoader.load(Map.of(), Map.of("MAX_POSITIONS", " "), dir);

        assertThat(result.settings().risk().maxPositions()).isEqualTo(5);
        assertThat(result.warnings())
                .containsExactly("MAX_POSITIONS is empty in the environment; the default 5 applies");
    }

    @Test
    void emptyOptionalValueMeansUnsetWithoutWarning() throws IOException {
        dotEnv("SLACK_WEBHOOK_URL=\nREPLAY_FROM=\nLLM_API_KEY=''\n");

        ConfigResult result = SettingsLoader.load(Map.of(), Map.of(), dir);

        assertThat(result.settings().slackWebhookUrl()).isEmpty();
        assertThat(result.settings().replay().from()).isEmpty();
        assertThat(result.settings().llm().apiKey()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void emptyEnvironmentValueHidesDotEnvValueOfOptionalSetting() throws IOException {
        dotEnv("WEB_MASTER_CODE=from-file\n");

        assertThat(load(Map.of(), Map.of("WEB_MASTER_CODE", "")).webMasterCode())
                .isEmpty();
        assertThat(load(Map.of(), Map.of()).webMasterCode()).contains(Secret.of("from-file"));
    }

    @Test
    void namesMatchIgnoringCaseInEveryLayer() throws IOException {
        dotEnv("max_positions=2\nLog_Level=debug\n");

        Settings s = load(Map.of("trading_mode", "LIVE"), Map.of("Exchange", "Upbit", "max_orders_per_day", "7"));

        assertThat(s.mode()).isEqualTo(TradingMode.LIVE);
        assertThat(s.exchange()).isEqualTo(ExchangeKind.UPBIT);
        assertThat(s.risk().maxOrdersPerDay()).isEqualTo(7);
        assertThat(s.risk().maxPositions()).isEqualTo(2);
        assertThat(s.storage().logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void lookAlikeLettersDoNotMatchANameIgnoringCase() {
        assertThat(load(Map.of(), Map.of("TRADıNG_MODE", "live")).mode()).isEqualTo(TradingMode.PAPER);
    }

    @Test
    void twoSpellingsWithDifferentValuesInOneLayerAreRefusedWithoutShowingValues() {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_API_KEY", "sk-canary-one");
        env.put("llm_api_key", "sk-canary-two");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SettingsLoader.load(Map.of(), env, dir));

        assertThat(e.setting()).isEqualTo("LLM_API_KEY");
        assertThat(e.getMessage()).contains("twice").contains("one spelling").doesNotContain("canary");
    }

    @Test
    void twoSpellingsWithTheSameValueAreFine() {
        Map<String, String> env = new HashMap<>();
        env.put("MAX_POSITIONS", "3");
        env.put("max_positions", "3");

        assertThat(load(Map.of(), env).risk().maxPositions()).isEqualTo(3);
    }

    @Test
    void unknownEnvironmentVariablesAreIgnored() {
        ConfigResult result = SettingsLoader.load(Map.of(), Map.of("PATH", "/usr/bin", "HOME", "/root"), dir);

        assertThat(result.settings()).isEqualTo(SettingsLoader.defaults(dir));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void unknownDotEnvVariableIsIgnoredWithAWarningToCatchTypos() throws IOException {
        dotEnv("MAX_POSITON_SIZE_PCT=50\n");

        ConfigResult result = SettingsLoader.load(Map.of(), Map.of(), dir);

        assertThat(result.settings().risk().maxPositionSizePct()).isEqualByComparingTo("10");
        assertThat(result.warnings())
                .containsExactly("MAX_POSITON_SIZE_PCT in .env is not a setting of this system and was ignored");
    }

    @Test
    void unknownOverrideIsAConfigError() {
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("TRADING_MOOD", "live"), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TRADING_MOOD: is not a setting of this system; allowed: ");
    }

    @Test
    void masterKeyInDotEnvIsIgnoredWithAWarningThatHidesIt() throws IOException {
        dotEnv("UPBIT_MASTER_KEY=canary-master-key\n");

        ConfigResult result = SettingsLoader.load(Map.of(), Map.of(), dir);

        assertThat(result.settings().live().upbitMasterKey()).isEmpty();
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0))
                .startsWith("UPBIT_MASTER_KEY in .env was ignored: it is taken only from the environment")
                .doesNotContain("canary");
    }

    @Test
    void masterKeyComesFromEnvironmentOrOverride() throws IOException {
        dotEnv("UPBIT_MASTER_KEY=from-file\n");

        assertThat(load(Map.of(), Map.of("UPBIT_MASTER_KEY", "from-env")).live().upbitMasterKey())
                .contains(Secret.of("from-env"));
        assertThat(load(Map.of("UPBIT_MASTER_KEY", "from-flag"), Map.of("UPBIT_MASTER_KEY", "from-env"))
                        .live()
                        .upbitMasterKey())
                .contains(Secret.of("from-flag"));
    }

    @Test
    void liveConfirmationIsTakenFromTheEnvironmentButNotFromDotEnv() throws IOException {
        dotEnv("LIVE_TRADING_CONFIRMATION=I_UNDERSTAND_LIVE_TRADING\n");

        ConfigResult fromFile = SettingsLoader.load(Map.of(), Map.of(), dir);
        Settings fromEnv = load(Map.of(), Map.of("LIVE_TRADING_CONFIRMATION", "I_UNDERSTAND_LIVE_TRADING"));

        assertThat(fromFile.settings().live().liveConfirmation()).isEmpty();
        assertThat(fromFile.warnings()).singleElement().asString().startsWith("LIVE_TRADING_CONFIRMATION in .env");
        assertThat(fromEnv.live().liveConfirmation()).contains(Secret.of("I_UNDERSTAND_LIVE_TRADING"));
    }

    @Test
    void secretsKeepTheirExactText() {
        Settings s = load(Map.of(), Map.of("UPBIT_MASTER_KEY", " pass phrase ", "LLM_API_KEY", "sk-1"));

        assertThat(s.live().upbitMasterKey().orElseThrow().reveal()).isEqualTo(" pass phrase ");
        assertThat(s.llm().apiKey()).contains(Secret.of("sk-1"));
    }

    @Test
    void relativePathsResolveAgainstWorkingDirectoryAndAbsoluteOnesStay() {
        Path elsewhere = dir.resolve("elsewhere/state.db").toAbsolutePath();

        Settings s = load(Map.of(), Map.of("LOG_DIR", "var/../out/logs", "DB_PATH", elsewhere.toString()));

        assertThat(s.storage().logDir()).isEqualTo(dir.toAbsolutePath().resolve("out/logs"));
        assertThat(s.storage().dbPath()).isEqualTo(elsewhere);
    }

    @Test
    void dotEnvSecretsReadableByOthersCauseAWarning() throws IOException {
        Path file = dotEnv("WEB_MASTER_CODE=canary-code\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        List<String> warnings = SettingsLoader.load(Map.of(), Map.of(), dir).warnings();

        assertThat(warnings).singleElement().asString().contains("chmod 600").doesNotContain("canary");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(SettingsLoader.load(Map.of(), Map.of(), dir).warnings()).isEmpty();
    }

    @Test
    void llmEnabledWithoutApiKeyWarns() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("LLM_ENABLED", "true"), dir)
                        .warnings())
                .singleElement()
                .asString()
                .contains("LLM_API_KEY is not set");
        assertThat(SettingsLoader.load(Map.of(), Map.of("LLM_ENABLED", "true", "LLM_AUTH_MODE", "oauth"), dir)
                        .warnings())
                .isEmpty();
    }

    @Test
    void plainHttpToRemoteHostWarnsButLoopbackDoesNot() {
        assertThat(SettingsLoader.load(Map.of(), Map.of("UPBIT_BASE_URL", "http://example.com"), dir)
                        .warnings())
                .singleElement()
                .asString()
                .contains("plain http");
        for (String local : List.of("http://localhost:9000", "http://127.0.0.1:9000", "http://[::1]:9000")) {
            assertThat(SettingsLoader.load(Map.of(), Map.of("UPBIT_BASE_URL", local), dir)
                            .warnings())
                    .isEmpty();
        }
    }

    @Test
    void malformedDotEnvStopsLoading() throws IOException {
        dotEnv("TRADING_MODE=live\nthis line is wrong\n");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".env: line 2 ");
    }

    @Test
    void resultListsAreImmutable() {
        ConfigResult result = SettingsLoader.load(Map.of(), Map.of("LLM_ENABLED", "true"), dir);

        assertThatThrownBy(() -> result.warnings().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.settings().symbols().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void percentagesAreKeptAsExactDecimals() {
        BigDecimal pct =
                load(Map.of(), Map.of("MAX_POSITION_SIZE_PCT", "12.50")).risk().maxPositionSizePct();

        assertThat(pct).isEqualByComparingTo("12.5");
        assertThat(load(Map.of(), Map.of("PAPER_INITIAL_KRW", "1E+7")).paper().initialKrw())
                .isEqualByComparingTo("10000000")
                .hasScaleOf(0);
    }

    private Settings load(Map<String, String> overrides, Map<String, String> env) {
        return SettingsLoader.load(overrides, env, dir).settings();
    }

    /** Writes {@code .env} readable by its owner only, as a careful user would. */
    private Path dotEnv(String text) throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), text);
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
