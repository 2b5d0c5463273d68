package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.cli.TraderCommand;
import io.cointrader.testing.Fuzz;
import io.cointrader.testing.FuzzTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import picocli.CommandLine;

/**
 * The real application behind the command line, in process, fed {@code status}, {@code kill} and
 * {@code release} with mutated options and settings over the offline replay exchange in a temporary
 * folder (no trading loop, no network, no path outside the folder): exit 0, 1 or 2, errors one line,
 * never a stack trace.
 */
class TraderCliFuzzProperties {

    private static final List<String> COMMANDS = List.of("status", "kill", "release");
    /** Settings whose values may be anything: none names a file, a host or the trading mode. */
    private static final List<String> SETTINGS = List.of(
            "MAX_POSITION_SIZE_PCT",
            "MAX_POSITIONS",
            "DAILY_MAX_DRAWDOWN_PCT",
            "MAX_ORDERS_PER_SECOND",
            "MAX_ORDERS_PER_DAY",
            "MAX_SLIPPAGE_BPS",
            "DEFAULT_ORDER_TYPE",
            "FUTURES_ENABLED",
            "MAX_LEVERAGE",
            "CIRCUIT_BREAKER_THRESHOLD_PCT",
            "API_FAILURE_THRESHOLD",
            "PRICE_ANOMALY_PCT",
            "BALANCE_MISMATCH_TOLERANCE_PCT",
            "PAPER_INITIAL_KRW",
            "PAPER_FEE_RATE",
            "LOG_LEVEL",
            "REPLAY_FROM",
            "REPLAY_TO",
            "REPLAY_STEP_SEC",
            "LLM_TIMEOUT_SEC",
            "NOT_A_SETTING",
            "max_positions");

    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("trader-cli-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 500)
    void theApplicationAnswersEveryArgumentVectorWithACleanExit(@ForAll("argv") List<String> args) throws Exception {
        counted(() -> assertCleanExit(args));
    }

    @Property(tries = 10_000)
    @Tag("long")
    void theApplicationAnswersTenThousandArgumentVectorsWithACleanExit(@ForAll("argv") List<String> args)
            throws Exception {
        counted(() -> assertCleanExit(args));
    }

    private static void assertCleanExit(List<String> args) {
        Map<String, String> env = Map.of(
                "EXCHANGE", "replay",
                "UPBIT_BASE_URL", "http://127.0.0.1:1",
                "DB_PATH", "data/state.db",
                "LOG_DIR", "logs",
                "KILL_SWITCH_FILE", "RUN/kill_switch");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TraderCommand.commandLine(new Application(env, dir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute(args.toArray(String[]::new));

        String shown = "trader " + String.join(" ", args) + "\n" + err;
        assertThat(code).as(shown).isIn(0, 1, 2);
        assertThat(err.toString() + out).as(shown).doesNotContain("\tat ", "Exception");
        List<String> errLines = err.toString().lines().filter(l -> !l.isBlank()).toList();
        if (code == 0) {
            assertThat(errLines).as(shown).allSatisfy(l -> assertThat(l).startsWith("note: "));
        } else {
            assertThat(errLines).as(shown).isNotEmpty();
            assertThat(errLines.get(errLines.size() - 1)).as(shown).startsWith("error: ");
            assertThat(errLines.subList(0, errLines.size() - 1)).as(shown).allSatisfy(l -> assertThat(l)
                    .startsWith("note: "));
        }
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
    Arbitrary<List<String>> argv() {
        return Arbitraries.randomValue(random -> {
            List<String> args = new ArrayList<>();
            args.add(COMMANDS.get(random.nextInt(COMMANDS.size())));
            int more = random.nextInt(5);
            for (int i = 0; i < more; i++) {
                addOption(args, random);
            }
            return args;
        });
    }

    private static void addOption(List<String> args, Random random) {
        switch (random.nextInt(8)) {
            case 0 -> args.addAll(List.of("--exchange", random.nextBoolean() ? "replay" : Fuzz.nasty(random)));
            case 1 -> args.addAll(List.of("--symbols", random.nextBoolean() ? "BTC/KRW" : Fuzz.nasty(random)));
            case 2, 3 -> args.addAll(
                    List.of("--set", SETTINGS.get(random.nextInt(SETTINGS.size())) + "=" + Fuzz.nasty(random)));
            case 4 -> args.addAll(List.of("--reason", Fuzz.nasty(random)));
            case 5 -> args.add("--close-positions");
            case 6 -> args.add(random.nextInt(4) == 0 ? "--help" : "--bogus");
            default -> args.add(Fuzz.nasty(random));
        }
    }
}
