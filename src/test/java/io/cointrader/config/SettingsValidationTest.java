package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule with values it accepts and values it refuses. */
class SettingsValidationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> goodValues() {
        return Stream.of(
                good("TRADING_MODE", "live", Settings::mode, TradingMode.LIVE),
                good("TRADING_MODE", "PAPER", Settings::mode, TradingMode.PAPER),
                good("EXCHANGE", "replay", Settings::exchange, ExchangeKind.REPLAY),
                good(
                        "UPBIT_BASE_URL",
                        "http://127.0.0.1:8089/",
                        Settings::upbitBaseUrl,
                        URI.create("http://127.0.0.1:8089")),
                good(
                        "UPBIT_BASE_URL",
                        "HTTPS://sim.local/upbit//",
                        Settings::upbitBaseUrl,
                        URI.create("https://sim.local/upbit")),
                good("TRADING_SYMBOLS", "[\"xrp/krw\"]", Settings::symbols, List.of(Symbol.parse("XRP/KRW"))),
                good(
                        "TRADING_SYMBOLS",
                        " BTC/KRW , ETH/KRW ",
                        Settings::symbols,
                        List.of(Symbol.parse("BTC/KRW"), Symbol.parse("ETH/KRW"))),
                good("TRADING_SYMBOLS", "BTC/KRW:USDT", Settings::symbols, List.of(Symbol.parse("BTC/KRW:USDT"))),
                good("MARKET_DATA_INTERVAL_SEC", "1", Settings::marketDataInterval, Duration.ofSeconds(1)),
                good("MARKET_DATA_INTERVAL_SEC", "86400", Settings::marketDataInterval, Duration.ofDays(1)),
                good("MAX_POSITION_SIZE_PCT", "0.5", s -> s.risk().maxPositionSizePct(), new BigDecimal("0.5")),
                good("MAX_POSITION_SIZE_PCT", "100", s -> s.risk().maxPositionSizePct(), new BigDecimal("100")),
                good("DAILY_MAX_DRAWDOWN_PCT", "2.5", s -> s.risk().dailyMaxDrawdownPct(), new BigDecimal("2.5")),
                good(
                        "CIRCUIT_BREAKER_THRESHOLD_PCT",
                        "30",
                        s -> s.safety().circuitBreakerThresholdPct(),
                        new BigDecimal("30")),
                good("PRICE_ANOMALY_PCT", "0.01", s -> s.safety().priceAnomalyPct(), new BigDecimal("0.01")),
                good("SPREAD_ANOMALY_PCT", "+7", s -> s.safety().spreadAnomalyPct(), new BigDecimal("7")),
                good(
                        "BALANCE_MISMATCH_TOLERANCE_PCT",
                        "0",
                        s -> s.safety().balanceMismatchTolerancePct(),
                        BigDecimal.ZERO),
                good(
                        "BALANCE_MISMATCH_TOLERANCE_PCT",
                        "100",
                        s -> s.safety().balanceMismatchTolerancePct(),
                        new BigDecimal("100")),
                good("MAX_POSITIONS", "1000", s -> s.risk().maxPositions(), 1000),
                good("MAX_ORDERS_PER_SECOND", "100", s -> s.risk().maxOrdersPerSecond(), 100),
                good("MAX_ORDERS_PER_DAY", "100000", s -> s.risk().maxOrdersPerDay(), 100000),
                good("API_FAILURE_THRESHOLD", "1", s -> s.safety().apiFailureThreshold(), 1),
                good("MAX_SLIPPAGE_BPS", "0", s -> s.risk().maxSlippageBps(), 0),
                good("MAX_SLIPPAGE_BPS", "10000", s -> s.risk().maxSlippageBps(), 10000),
                good("DEFAULT_ORDER_TYPE", "Market", s -> s.risk().allowMarketOrders(), true),
                good("DEFAULT_ORDER_TYPE", "limit", s -> s.risk().allowMarketOrders(), false),
                good("FUTURES_ENABLED", "on", s -> s.risk().futuresEnabled(), true),
                good("PAPER_INITIAL_KRW", "5000", s -> s.paper().initialKrw(), new BigDecimal("5000")),
                good("PAPER_FEE_RATE", "0", s -> s.paper().feeRate(), BigDecimal.ZERO),
                good("PAPER_FEE_RATE", "0.0499", s -> s.paper().feeRate(), new BigDecimal("0.0499")),
                good("LOG_LEVEL", "debug", s -> s.storage().logLevel(), "DEBUG"),
                good("LOG_LEVEL", "Warning", s -> s.storage().logLevel(), "WARN"),
                good("LOG_LEVEL", "CRITICAL", s -> s.storage().logLevel(), "ERROR"),
                good("LLM_ENABLED", "YES", s -> s.llm().enabled(), true),
                good("LLM_AUTH_MODE", "OAuth", s -> s.llm().authMode(), "oauth"),
                good("LLM_PROVIDER", "anthropic", s -> s.llm().provider(), "anthropic"),
                good("LLM_MODEL", "claude-3-5-haiku-latest", s -> s.llm().model(), "claude-3-5-haiku-latest"),
                good("LLM_OAUTH_MODEL", "gpt-5.2-codex", s -> s.llm().oauthModel(), "gpt-5.2-codex"),
                good("LLM_OAUTH_OPEN_BROWSER", "0", s -> s.llm().oauthOpenBrowser(), false),
                good("LLM_OAUTH_FORCE_LOGIN", "1", s -> s.llm().oauthForceLogin(), true),
                good(
                        "SLACK_WEBHOOK_URL",
                        "https://hooks.slack.com/services/T/B/x",
                        Settings::slackWebhookUrl,
                        Optional.of(Secret.of("https://hooks.slack.com/services/T/B/x"))),
                good(
                        "REPLAY_FROM",
                        "2025-10-21",
                        s -> s.replay().from(),
                        Optional.of(Instant.parse("2025-10-21T00:00:00Z"))),
                good(
                        "REPLAY_TO",
                        "2025-10-21T12:30:00Z",
                        s -> s.replay().to(),
                        Optional.of(Instant.parse("2025-10-21T12:30:00Z"))),
                good("REPLAY_STEP_SEC", "60", s -> s.replay().step(), Duration.ofMinutes(1)),
                good("BUY_ORDER_TIMEOUT_SEC", "1", s -> s.orders().buyTimeout(), Duration.ofSeconds(1)),
                good("SELL_ORDER_TIMEOUT_SEC", "604800", s -> s.orders().sellTimeout(), Duration.ofDays(7)),
                good("UNKNOWN_ORDER_GRACE_SEC", "0", s -> s.orders().unknownOrderGrace(), Duration.ZERO),
                good("STOP_LOSS_PCT", "2.5", s -> s.exits().stopLossPct(), new BigDecimal("2.5")),
                good("TAKE_PROFIT_PCT", "150", s -> s.exits().takeProfitPct(), new BigDecimal("150")),
                good("TRAILING_STOP_PCT", "0", s -> s.exits().trailingStopPct(), BigDecimal.ZERO),
                good(
                        "MAX_CAPITAL_KRW",
                        "2000000",
                        s -> s.risk().maxCapitalKrw(),
                        Optional.of(new BigDecimal("2000000"))));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("goodValues")
    void acceptsValidValue(String name, String value, Function<Settings, Object> read, Object expected) {
        Object actual = read.apply(load(Map.of(name, value)));

        if (expected instanceof BigDecimal decimal) {
            assertThat((BigDecimal) actual).isEqualByComparingTo(decimal);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void everyBooleanSpellingIsUnderstood() {
        for (String yes : List.of("true", "TRUE", "1", "yes", "Yes", "on", "ON")) {
            assertThat(load(Map.of("FUTURES_ENABLED", yes)).risk().futuresEnabled())
                    .as(yes)
                    .isTrue();
        }
        for (String no : List.of("false", "False", "0", "no", "NO", "off", "Off")) {
            assertThat(load(Map.of("FUTURES_ENABLED", no)).risk().futuresEnabled())
                    .as(no)
                    .isFalse();
        }
    }

    @Test
    void leverageAboveOneIsAllowedWithFutures() {
        Settings s = load(Map.of("FUTURES_ENABLED", "true", "MAX_LEVERAGE", "125"));

        assertThat(s.risk().maxLeverage()).isEqualTo(125);
    }

    @Test
    void replayDataDirectoryMayBeGiven() throws Exception {
        Files.createDirectories(dir.resolve("history"));

        assertThat(load(Map.of("REPLAY_DATA_DIR", "history")).replay().dataDir())
                .contains(dir.toAbsolutePath().resolve("history"));
    }

    @Test
    void pathsAreAccepted() {
        Settings s = load(Map.of(
                "KILL_SWITCH_FILE", "/var/run/trader/kill",
                "LIVE_MODE_TOKEN_PATH", "tok.txt",
                "UPBIT_KEY_FILE", "keys/k.enc",
                "LLM_OAUTH_AUTH_FILE", "auth.json"));

        assertThat(s.safety().killSwitchFile()).isEqualTo(Path.of("/var/run/trader/kill"));
        assertThat(s.live().liveModeTokenPath()).isEqualTo(dir.toAbsolutePath().resolve("tok.txt"));
        assertThat(s.live().upbitKeyFile()).isEqualTo(dir.toAbsolutePath().resolve("keys/k.enc"));
        assertThat(s.llm().oauthAuthFile()).isEqualTo(dir.toAbsolutePath().resolve("auth.json"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad(Map.of("TRADING_MODE", "demo"), "TRADING_MODE", "paper | live"),
                bad(Map.of("EXCHANGE", "binance"), "EXCHANGE", "upbit | replay"),
                bad(Map.of("TRADING_MODE", "live", "EXCHANGE", "replay"), "EXCHANGE", "upbit when TRADING_MODE=live"),
                bad(Map.of("UPBIT_BASE_URL", "ftp://api.upbit.com"), "UPBIT_BASE_URL", "http:// or https:// URL"),
                bad(Map.of("UPBIT_BASE_URL", "api.upbit.com"), "UPBIT_BASE_URL", "http:// or https:// URL"),
                bad(Map.of("UPBIT_BASE_URL", "https://api.upbit.com?x=1"), "UPBIT_BASE_URL", "http:// or https:// URL"),
                bad(Map.of("UPBIT_BASE_URL", "https://a b"), "UPBIT_BASE_URL", "http:// or https:// URL"),
                bad(Map.of("TRADING_SYMBOLS", "[]"), "TRADING_SYMBOLS", "at least one pair"),
                bad(Map.of("TRADING_SYMBOLS", "BTC/USDT"), "TRADING_SYMBOLS", "quote currency KRW"),
                bad(Map.of("TRADING_SYMBOLS", "BTC/KRW, btc/krw"), "TRADING_SYMBOLS", "none twice"),
                bad(Map.of("TRADING_SYMBOLS", "BTCKRW"), "TRADING_SYMBOLS", "JSON array"),
                bad(Map.of("TRADING_SYMBOLS", "BTC/KRW,"), "TRADING_SYMBOLS", "comma list"),
                bad(Map.of("TRADING_SYMBOLS", "[\"BTC/KRW\""), "TRADING_SYMBOLS", "JSON array"),
                bad(Map.of("TRADING_SYMBOLS", "[\"BTC/KRW\"] x"), "TRADING_SYMBOLS", "JSON array"),
                bad(Map.of("TRADING_SYMBOLS", "[1]"), "TRADING_SYMBOLS", "JSON array"),
                bad(Map.of("MARKET_DATA_INTERVAL_SEC", "0"), "MARKET_DATA_INTERVAL_SEC", "from 1 to 86400"),
                bad(Map.of("MARKET_DATA_INTERVAL_SEC", "86401"), "MARKET_DATA_INTERVAL_SEC", "from 1 to 86400"),
                bad(Map.of("MARKET_DATA_INTERVAL_SEC", "1.5"), "MARKET_DATA_INTERVAL_SEC", "whole number"),
                bad(Map.of("MAX_POSITION_SIZE_PCT", "abc"), "MAX_POSITION_SIZE_PCT", "above 0 and at most 100"),
                bad(Map.of("MAX_POSITION_SIZE_PCT", "0"), "MAX_POSITION_SIZE_PCT", "above 0 and at most 100"),
                bad(Map.of("MAX_POSITION_SIZE_PCT", "100.01"), "MAX_POSITION_SIZE_PCT", "above 0 and at most 100"),
                bad(Map.of("DAILY_MAX_DRAWDOWN_PCT", "-1"), "DAILY_MAX_DRAWDOWN_PCT", "above 0 and at most 100"),
                bad(Map.of("CIRCUIT_BREAKER_THRESHOLD_PCT", "1e3"), "CIRCUIT_BREAKER_THRESHOLD_PCT", "at most 100"),
                bad(Map.of("PRICE_ANOMALY_PCT", "NaN"), "PRICE_ANOMALY_PCT", "above 0 and at most 100"),
                bad(Map.of("SPREAD_ANOMALY_PCT", "1e-20"), "SPREAD_ANOMALY_PCT", "above 0 and at most 100"),
                bad(
                        Map.of("BALANCE_MISMATCH_TOLERANCE_PCT", "-0.1"),
                        "BALANCE_MISMATCH_TOLERANCE_PCT",
                        "from 0 to 100"),
                bad(
                        Map.of("BALANCE_MISMATCH_TOLERANCE_PCT", "100.1"),
                        "BALANCE_MISMATCH_TOLERANCE_PCT",
                        "from 0 to 100"),
                bad(Map.of("MAX_POSITIONS", "0"), "MAX_POSITIONS", "from 1 to 1000"),
                bad(Map.of("MAX_POSITIONS", "1001"), "MAX_POSITIONS", "from 1 to 1000"),
                bad(Map.of("MAX_ORDERS_PER_SECOND", "101"), "MAX_ORDERS_PER_SECOND", "from 1 to 100"),
                bad(Map.of("MAX_ORDERS_PER_DAY", "100001"), "MAX_ORDERS_PER_DAY", "from 1 to 100000"),
                bad(Map.of("MAX_ORDERS_PER_DAY", "99999999999999999999"), "MAX_ORDERS_PER_DAY", "from 1 to 100000"),
                bad(Map.of("API_FAILURE_THRESHOLD", "1001"), "API_FAILURE_THRESHOLD", "from 1 to 1000"),
                bad(Map.of("MAX_SLIPPAGE_BPS", "-1"), "MAX_SLIPPAGE_BPS", "from 0 to 10000"),
                bad(Map.of("MAX_SLIPPAGE_BPS", "10001"), "MAX_SLIPPAGE_BPS", "from 0 to 10000"),
                bad(Map.of("DEFAULT_ORDER_TYPE", "stop"), "DEFAULT_ORDER_TYPE", "limit | market"),
                bad(Map.of("FUTURES_ENABLED", "maybe"), "FUTURES_ENABLED", "true/false, 1/0, yes/no, on/off"),
                bad(Map.of("MAX_LEVERAGE", "2"), "MAX_LEVERAGE", "1 while FUTURES_ENABLED=false"),
                bad(Map.of("MAX_LEVERAGE", "126", "FUTURES_ENABLED", "true"), "MAX_LEVERAGE", "from 1 to 125"),
                bad(Map.of("PAPER_INITIAL_KRW", "4999.99"), "PAPER_INITIAL_KRW", "from 5000"),
                bad(Map.of("PAPER_FEE_RATE", "0.05"), "PAPER_FEE_RATE", "up to (not including) 0.05"),
                bad(Map.of("PAPER_FEE_RATE", "-0.001"), "PAPER_FEE_RATE", "from 0"),
                bad(Map.of("DB_PATH", "data/\0.db"), "DB_PATH", "file system path"),
                bad(Map.of("LOG_LEVEL", "verbose"), "LOG_LEVEL", "TRACE | DEBUG | INFO | WARN | ERROR"),
                bad(Map.of("LLM_ENABLED", "enabled"), "LLM_ENABLED", "true/false"),
                bad(Map.of("LLM_AUTH_MODE", "password"), "LLM_AUTH_MODE", "api_key | oauth"),
                bad(Map.of("LLM_PROVIDER", "google"), "LLM_PROVIDER", "openai | anthropic"),
                bad(Map.of("LLM_MODEL", "gpt 4"), "LLM_MODEL", "letters, digits"),
                bad(Map.of("LLM_OAUTH_OPEN_BROWSER", "2"), "LLM_OAUTH_OPEN_BROWSER", "true/false"),
                bad(Map.of("REPLAY_DATA_DIR", "no-such-dir"), "REPLAY_DATA_DIR", "an existing directory"),
                bad(Map.of("REPLAY_FROM", "yesterday"), "REPLAY_FROM", "ISO instant"),
                bad(Map.of("REPLAY_TO", "2025-13-01"), "REPLAY_TO", "a date such as 2025-10-21"),
                bad(
                        Map.of("REPLAY_FROM", "2025-10-21", "REPLAY_TO", "2025-10-21T00:00:00Z"),
                        "REPLAY_TO",
                        "after REPLAY_FROM"),
                bad(Map.of("REPLAY_STEP_SEC", "0"), "REPLAY_STEP_SEC", "from 1 to 86400"),
                bad(Map.of("SLACK_WEBHOOK_URL", "http://hooks.slack.com/x"), "SLACK_WEBHOOK_URL", "https:// URL"),
                bad(Map.of("BUY_ORDER_TIMEOUT_SEC", "0"), "BUY_ORDER_TIMEOUT_SEC", "from 1 to 604800"),
                bad(Map.of("SELL_ORDER_TIMEOUT_SEC", "2.5"), "SELL_ORDER_TIMEOUT_SEC", "whole number"),
                bad(Map.of("UNKNOWN_ORDER_GRACE_SEC", "-1"), "UNKNOWN_ORDER_GRACE_SEC", "from 0 to 604800"),
                bad(Map.of("STOP_LOSS_PCT", "100"), "STOP_LOSS_PCT", "0 (off) or a percentage"),
                bad(Map.of("TRAILING_STOP_PCT", "-1"), "TRAILING_STOP_PCT", "0 (off) or a percentage"),
                bad(Map.of("TAKE_PROFIT_PCT", "10001"), "TAKE_PROFIT_PCT", "at most 10000"),
                bad(Map.of("MAX_CAPITAL_KRW", "4999"), "MAX_CAPITAL_KRW", "from 5000"),
                bad(Map.of("MAX_CAPITAL_KRW", "lots"), "MAX_CAPITAL_KRW", "from 5000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void refusesInvalidValueWithOneLineNamingSettingAndWhatIsAllowed(
            Map<String, String> env, String setting, String allowed) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(env));

        assertThat(e).as("no error for %s", env).isNotNull();
        assertThat(e.setting()).isEqualTo(setting);
        assertThat(e.getMessage()).doesNotContain("\n", "\r").startsWith(setting + ": ");
        assertThat(e.getMessage().substring(e.getMessage().indexOf("; allowed: ")))
                .contains(allowed);
    }

    @Test
    void messageQuotesTheOffendingValueAndWhereItCameFrom() {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> load(Map.of("MAX_POSITION_SIZE_PCT", "abc")));

        assertThat(e.getMessage())
                .isEqualTo("MAX_POSITION_SIZE_PCT: 'abc' (from the environment) is not a number;"
                        + " allowed: a number above 0 and at most 100");
    }

    @Test
    void valueWithLineBreaksIsEscapedInTheMessage() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(Map.of("MAX_POSITIONS", "1\n2")));

        assertThat(e.getMessage()).contains("'1\\u000A2'").doesNotContain("\n");
    }

    @Test
    void aPlainHttpWebhookIsAcceptedOnlyOnThisMachine() {
        Settings local = load(Map.of("SLACK_WEBHOOK_URL", "http://127.0.0.1:8123/services/T/B/x"));

        assertThat(local.slackWebhookUrl()).isPresent();
        assertThatThrownBy(() -> load(Map.of("SLACK_WEBHOOK_URL", "http://10.0.0.5/services/T/B/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http only to 127.0.0.1");
    }

    private Settings load(Map<String, String> env) {
        return SettingsLoader.load(Map.of(), env, dir).settings();
    }

    private static Arguments good(String name, String value, Function<Settings, ?> read, Object expected) {
        return arguments(name, value, read, expected);
    }

    private static Arguments bad(Map<String, String> env, String setting, String allowed) {
        return arguments(env, setting, allowed);
    }
}
