package io.cointrader.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Secret;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SettingsLoaderProperties {

    /** A working directory that does not exist: no {@code .env} is read and nothing is written. */
    private static final Path NOWHERE = Path.of(System.getProperty("java.io.tmpdir"), "cointrader-no-such-dir-7f3a");

    private record Rule(Function<Settings, BigDecimal> read, String min, boolean minIncluded, String max) {
        boolean holds(BigDecimal value) {
            int low = value.compareTo(new BigDecimal(min));
            return (minIncluded ? low >= 0 : low > 0) && value.compareTo(new BigDecimal(max)) <= 0;
        }
    }

    private static final Map<String, Rule> NUMERIC = Map.ofEntries(
            Map.entry(
                    "MARKET_DATA_INTERVAL_SEC",
                    new Rule(s -> number(s.marketDataInterval().toSeconds()), "1", true, "86400")),
            Map.entry("MAX_POSITION_SIZE_PCT", new Rule(s -> s.risk().maxPositionSizePct(), "0", false, "100")),
            Map.entry("MAX_POSITIONS", new Rule(s -> number(s.risk().maxPositions()), "1", true, "1000")),
            Map.entry("DAILY_MAX_DRAWDOWN_PCT", new Rule(s -> s.risk().dailyMaxDrawdownPct(), "0", false, "100")),
            Map.entry("MAX_ORDERS_PER_SECOND", new Rule(s -> number(s.risk().maxOrdersPerSecond()), "1", true, "100")),
            Map.entry("MAX_ORDERS_PER_DAY", new Rule(s -> number(s.risk().maxOrdersPerDay()), "1", true, "100000")),
            Map.entry("MAX_SLIPPAGE_BPS", new Rule(s -> number(s.risk().maxSlippageBps()), "0", true, "10000")),
            Map.entry("MAX_LEVERAGE", new Rule(s -> number(s.risk().maxLeverage()), "1", true, "1")),
            Map.entry(
                    "CIRCUIT_BREAKER_THRESHOLD_PCT",
                    new Rule(s -> s.safety().circuitBreakerThresholdPct(), "0", false, "100")),
            Map.entry(
                    "API_FAILURE_THRESHOLD",
                    new Rule(s -> number(s.safety().apiFailureThreshold()), "1", true, "1000")),
            Map.entry("PRICE_ANOMALY_PCT", new Rule(s -> s.safety().priceAnomalyPct(), "0", false, "100")),
            Map.entry("SPREAD_ANOMALY_PCT", new Rule(s -> s.safety().spreadAnomalyPct(), "0", false, "100")),
            Map.entry(
                    "BALANCE_MISMATCH_TOLERANCE_PCT",
                    new Rule(s -> s.safety().balanceMismatchTolerancePct(), "0", true, "100")),
            Map.entry("PAPER_INITIAL_KRW", new Rule(s -> s.paper().initialKrw(), "5000", true, "1E+15")),
            Map.entry("PAPER_FEE_RATE", new Rule(s -> s.paper().feeRate(), "0", true, "0.0499999999999")),
            Map.entry("REPLAY_STEP_SEC", new Rule(s -> number(s.replay().step().toSeconds()), "1", true, "86400")));

    @Property(tries = 2000)
    void numericSettingLoadsInRangeOrFailsWithOneLineConfigException(
            @ForAll("numericNames") String name, @ForAll("numberLikeText") String value) {
        Rule rule = NUMERIC.get(name);
        try {
            Settings settings =
                    SettingsLoader.load(Map.of(), Map.of(name, value), NOWHERE).settings();
            assertThat(rule.holds(rule.read().apply(settings)))
                    .as("%s=%s", name, value)
                    .isTrue();
        } catch (ConfigException e) {
            assertOneLineNaming(e, name);
        }
    }

    @Property(tries = 500)
    void dotEnvTextParsesOrFailsWithOneLineConfigException(@ForAll("dotEnvText") String text) {
        try {
            assertThat(DotEnv.parse(text)).isNotNull();
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("; allowed: ");
        }
    }

    @Property(tries = 300)
    void webhookSecretNeverAppearsInMessagesOrSummary(@ForAll("secretText") String secret) {
        try {
            Settings s = SettingsLoader.load(Map.of(), Map.of("SLACK_WEBHOOK_URL", secret), NOWHERE)
                    .settings();
            assertThat(s.slackWebhookUrl()).isEqualTo(Optional.of(Secret.of(secret.strip())));
            assertThat(SettingsSummary.lines(s)).noneMatch(line -> line.contains("CANARY"));
        } catch (ConfigException e) {
            assertOneLineNaming(e, "SLACK_WEBHOOK_URL");
            assertThat(e.getMessage()).doesNotContain("CANARY");
        }
    }

    @Provide
    Arbitrary<String> numericNames() {
        return Arbitraries.of(NUMERIC.keySet());
    }

    @Provide
    Arbitrary<String> numberLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings(),
                Arbitraries.strings().withChars("0123456789+-.eE _,").ofMaxLength(24),
                Arbitraries.bigDecimals().map(BigDecimal::toString),
                Arbitraries.bigDecimals().map(BigDecimal::toPlainString),
                Arbitraries.integers().between(-20, 200_000).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf));
    }

    @Provide
    Arbitrary<String> dotEnvText() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("AB_= #'\"\\\texport\r\n").ofMaxLength(30));
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> secretText() {
        Arbitrary<String> prefix = Arbitraries.of("https://hooks.slack.com/", "http://", "", "https://", " ftp://");
        Arbitrary<String> tail = Arbitraries.strings().ofMaxLength(20);
        return net.jqwik.api.Combinators.combine(prefix, tail).as((p, t) -> p + "CANARY" + t);
    }

    private static void assertOneLineNaming(ConfigException e, String name) {
        assertThat(e.setting()).isEqualTo(name);
        assertThat(e.getMessage())
                .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085")
                .startsWith(name + ": ")
                .contains("; allowed: ");
    }

    private static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }
}
