package io.cointrader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.Fuzz;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * The command line, fed argument vectors built from the real command and option names mixed with junk:
 * a bad vector exits 2 with one line on the error stream and no stack trace; a valid one reaches the
 * application exactly once (here a recording fake, so nothing runs).
 */
class TraderCommandFuzzProperties {

    private static final List<String> COMMANDS = List.of(
            "run",
            "kill",
            "release",
            "status",
            "selftest",
            "web",
            "backtest",
            "encrypt-keys",
            "sim",
            "candles",
            "download",
            "help");

    private static final List<String> OPTIONS = List.of(
            "--help",
            "-h",
            "--version",
            "-V",
            "--mode",
            "--once",
            "--exchange",
            "--symbols",
            "--db",
            "--log-dir",
            "--set",
            "--close-positions",
            "--reason",
            "--notify",
            "--host",
            "--port",
            "--from",
            "--to",
            "--interval",
            "--data",
            "--initial-krw",
            "--report-dir",
            "--key-file",
            "--speed",
            "--krw",
            "--access-key",
            "--secret-key",
            "--key-expires-in-days",
            "--key-expires-in-days=-1",
            "--cache",
            "--requests-per-second",
            "--",
            "-",
            "--mode=live",
            "--port=-1",
            "--set=MAX_POSITIONS=3",
            "--set=",
            "--unknown",
            "-x");

    private static final List<String> VALUES = List.of(
            "paper",
            "live",
            "upbit",
            "replay",
            "BTC/KRW,ETH/KRW",
            "MAX_POSITIONS=3",
            "NAME",
            "=",
            "127.0.0.1",
            "0.0.0.0",
            "0",
            "8000",
            "65536",
            "-1",
            "99999999999",
            "1.5",
            "NaN",
            "Infinity",
            "60m",
            "2025-01-01",
            "data/x.csv");

    /** What the application was asked; it answers 0 and does nothing. */
    private static final class RecordingApp implements TraderApp {
        final List<String> calls = new ArrayList<>();

        private int called(String what) {
            calls.add(what);
            return 0;
        }

        @Override
        public int run(Invocation invocation, boolean once) {
            return called("run");
        }

        @Override
        public int kill(Invocation invocation, String reason, boolean closePositions) {
            return called("kill");
        }

        @Override
        public int release(Invocation invocation, String reason) {
            return called("release");
        }

        @Override
        public int status(Invocation invocation) {
            return called("status");
        }

        @Override
        public int selftest(Invocation invocation, boolean notify) {
            return called("selftest");
        }

        @Override
        public int web(Invocation invocation, String host, int port) {
            assertThat(port).isBetween(0, 65_535);
            return called("web");
        }

        @Override
        public int sim(Invocation invocation, SimulatorRequest request) {
            assertThat(request.port()).isBetween(0, 65_535);
            assertThat(request.speed()).isPositive().isFinite();
            assertThat(request.keyExpiresInDays()).isBetween(0, 3650);
            return called("sim");
        }

        @Override
        public int backtest(Invocation invocation, BacktestRequest request) {
            return called("backtest");
        }

        @Override
        public int downloadCandles(Invocation invocation, CandleDownload request) {
            return called("candles download");
        }

        @Override
        public int encryptKeys(Invocation invocation, String exchange) {
            return called("encrypt-keys");
        }
    }

    // one command line for all tries, as picocli allows: building one takes longer than parsing
    private final RecordingApp app = new RecordingApp();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine cli =
            TraderCommand.commandLine(app).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

    @Property(tries = 10_000)
    void badArgumentsExitTwoWithOneLineAndValidOnesReachTheApplicationOnce(@ForAll("argv") List<String> args) {
        app.calls.clear();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int code = cli.execute(args.toArray(String[]::new));

        String shown = "trader " + String.join(" ", args);
        assertThat(code).as(shown).isIn(0, 2);
        assertThat(err.toString()).as(shown).doesNotContain("\tat ", "Exception");
        assertThat(out.toString()).as(shown).doesNotContain("\tat ", "Exception");
        if (code == 2) {
            assertThat(err.toString().lines().filter(l -> !l.isBlank()))
                    .as(shown)
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith("error: "));
            assertThat(app.calls).as(shown).isEmpty();
        } else {
            assertThat(err.toString()).as(shown).isBlank();
            assertThat(app.calls).as(shown).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Provide
    Arbitrary<List<String>> argv() {
        return Arbitraries.randomValue(random -> {
            List<String> args = new ArrayList<>();
            if (random.nextInt(10) > 0) {
                args.add(pick(COMMANDS, random));
            }
            if (random.nextInt(4) == 0) {
                args.add(pick(COMMANDS, random));
            }
            int more = random.nextInt(7);
            for (int i = 0; i < more; i++) {
                args.add(
                        switch (random.nextInt(5)) {
                            case 0, 1 -> pick(OPTIONS, random);
                            case 2, 3 -> pick(VALUES, random);
                            default -> Fuzz.nasty(random);
                        });
            }
            return args;
        });
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
