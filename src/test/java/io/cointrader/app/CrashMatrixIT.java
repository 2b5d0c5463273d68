package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.execution.CrashPoint;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: a live run against the simulator is stopped dead again and again — at
 * the write-ahead before the POST, right after the exchange accepted an order but before the database
 * heard of it, and with SIGKILL at random moments — and restarted each time. Afterwards the simulator
 * holds no second order for any intent, and every order it holds is in the database with its real
 * state.
 */
class CrashMatrixIT {

    private static final int RUNS = 24;

    @TempDir
    Path work;

    @Test
    void noOrderIsLostOrDuplicatedAcrossTwentyFourCrashes() throws Exception {
        Random random = new Random(20261125);
        int hookCrashes = 0;
        int killedAtRandom = 0;
        try (SimRehearsal rehearsal = new SimRehearsal(work)) {
            rehearsal.moveMarket(Duration.ofMinutes(20), 200);
            for (int run = 0; run < RUNS; run++) {
                CrashPoint point = run % 3 == 2 ? null : CrashPoint.values()[run % 3];
                List<String> jvm = point == null ? List.of() : List.of("-Dcointrader.crash-at=" + point + ":1");
                Process process = new TraderProcess(work)
                        .builder(jvm, List.of("run", "--mode", "live"), rehearsal.env())
                        .redirectOutput(work.resolve("run-" + run + ".out").toFile())
                        .redirectError(work.resolve("run-" + run + ".err").toFile())
                        .start();
                long waitMillis = point == null ? 1500 + random.nextInt(3000) : 25_000;
                if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                    assertThat(process.exitValue())
                            .as("run %d ended by its crash hook", run)
                            .isEqualTo(137);
                    hookCrashes++;
                } else {
                    process.destroyForcibly(); // SIGKILL
                    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    killedAtRandom++;
                }
            }
            rehearsal.stopMarket();
            TraderProcess.Result settle =
                    new TraderProcess(work).run(rehearsal.env(), "run", "--mode", "live", "--once");
            assertThat(settle.exitCode()).as(settle.err()).isZero();

            assertThat(hookCrashes).as("crashes inside the order path").isGreaterThanOrEqualTo(8);
            assertThat(hookCrashes + killedAtRandom).isEqualTo(RUNS);
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                assertThat(store.intentsIn(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN)))
                        .as("every interrupted intent was settled")
                        .isEmpty();
                assertThat(store.intentsIn(EnumSet.of(IntentState.NOT_PLACED)))
                        .as("crashes before the POST left intents that never reached the exchange")
                        .isNotEmpty();
                assertThat(store.recentSafetyEvents(1000))
                        .as("crashes after the POST left orders that reconciliation found on the exchange")
                        .anySatisfy(e -> assertThat(e.message()).contains("order found"));
                rehearsal.assertOrdersAgree(store);
                rehearsal.assertFillsAgree(store.allFills());
            }
        }
    }
}
