package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.sim.RateLimits;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: a live run against the simulator is stopped dead again and again — at
 * every crash point of the order path, while the exchange holds the answer to an order it created,
 * and with SIGKILL at random moments — and restarted each time; a last {@code --once} run settles.
 * Afterwards no intent has two exchange orders, every exchange order and trade is in the database with
 * its real state, quantity and fills, the balances reconcile exactly with the exchange, and the
 * database passes {@code PRAGMA integrity_check}. The figures are printed, ending with {@code N
 * passed, N failed}.
 */
class CrashMatrixIT {

    private static final long SEED = 20261125;

    /**
     * Each pass over the bundled history is about 43 days of market time; the market moves an hour every
     * 200 ms, so six passes last some 20 minutes of wall time, well beyond the long matrix.
     */
    private static final int HISTORY_PASSES = 6;

    @TempDir
    Path work;

    @Test
    void everyCrashPointTwiceAndRandomKillsLoseAndRepeatNothing() throws Exception {
        Summary summary = matrix(2, 2, Duration.ofMinutes(60));
        assertThat(summary.failed()).as(summary.text()).isZero();
        assertThat(summary.kills()).isEqualTo(16);
    }

    /**
     * The long run: {@code ./mvnw -B verify -Dgroups=long -Dexcluded.groups=none -Dtest=NONE
     * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashMatrixIT}.
     */
    @Test
    @Tag("long")
    void overAHundredKillsLoseAndRepeatNothing() throws Exception {
        Summary summary = matrix(12, 3, Duration.ofMinutes(60));
        assertThat(summary.failed()).as(summary.text()).isZero();
        assertThat(summary.kills()).isGreaterThanOrEqualTo(100);
    }

    record Summary(int kills, int passed, int failed, String text) {}

    private Summary matrix(int rounds, int randomPerRound, Duration marketStep) throws Exception {
        long started = System.nanoTime();
        List<CrashMatrix.Kill> schedule = CrashMatrix.schedule(rounds, randomPerRound);
        List<CrashMatrix.Outcome> outcomes = new ArrayList<>();
        Checks checks = new Checks();
        try (SimRehearsal rehearsal = new SimRehearsal(work, RateLimits.upbit(), MirroredHistory.of(HISTORY_PASSES))) {
            CrashMatrix.writeOriginalKeyFile(work);
            Map<String, String> env = CrashMatrix.traderEnv(rehearsal);
            CrashMatrix harness =
                    new CrashMatrix(work, rehearsal, env, SEED, Duration.ofMillis(800), Duration.ofMillis(5000));
            rehearsal.moveMarket(marketStep, 200);
            for (CrashMatrix.Kill kill : schedule) {
                outcomes.addAll(harness.runUntilReached(kill, 2));
            }
            rehearsal.stopMarket();
            TraderProcess.Result settle = new TraderProcess(work).run(env, "run", "--mode", "live", "--once");
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            checks.add("settling run exits 0", () -> settle.exitCode() == 0 ? null : settle.err());
            return audit(rehearsal, harness, outcomes, schedule.size(), checks, seconds);
        }
    }

    private Summary audit(
            SimRehearsal rehearsal,
            CrashMatrix harness,
            List<CrashMatrix.Outcome> outcomes,
            int planned,
            Checks checks,
            long seconds)
            throws Exception {
        Path db = work.resolve("data/coin_trader.db");
        List<String> integrity = CrashAudit.integrityCheck(db);
        Map<String, Integer> kills = CrashMatrix.count(outcomes);
        List<String> lines = new ArrayList<>();
        lines.add("crash matrix: " + outcomes.size() + " runs in " + seconds + " s (seed " + SEED + ")");
        kills.forEach((label, n) -> lines.add("  kills " + label + ": " + n));
        long timedOut = outcomes.stream().filter(CrashMatrix.Outcome::retry).count();
        lines.add("  kills at the time limit, point not reached (run again): " + timedOut);
        int total = kills.values().stream().mapToInt(Integer::intValue).sum() + (int) timedOut;
        lines.add("  kills in total: " + total);
        lines.add("  seconds per run: " + String.join(" ", harness.durations()));
        outcomes.stream().filter(o -> o.problem() != null).forEach(o -> lines.add("  not as planned: " + o.problem()));
        int asPlanned = kills.values().stream().mapToInt(Integer::intValue).sum();
        checks.add("every planned kill happened where planned", () -> asPlanned == planned ? null : "see above");
        try (StateStore store = SqliteStateStore.open(db)) {
            Map<String, Long> posts = harness.orderPostsPerIdentifier();
            CrashAudit.Findings f = CrashAudit.audit(
                    rehearsal.orders(), rehearsal.sim.state().trades(SimRehearsal.ACCESS), posts, store);
            lines.add("  intents: " + f.intents() + ", order POSTs: "
                    + posts.values().stream().mapToLong(Long::longValue).sum() + ", exchange orders: "
                    + f.exchangeOrders() + ", trades: " + f.exchangeTrades());
            lines.add("  duplicates: " + f.duplicates());
            lines.add("  missing: " + f.missing());
            lines.add("  mismatches: " + f.mismatches());
            f.details().stream().limit(20).forEach(d -> lines.add("    " + d));
            checks.add("no intent has two exchange orders", () -> f.duplicates() == 0 ? null : "duplicates");
            checks.add("every exchange order and trade is in the database", () -> f.missing() == 0 ? null : "missing");
            checks.add("states, quantities, intents and fills agree", () -> f.mismatches() == 0 ? null : "mismatches");
            checks.add("balances reconcile exactly", () -> {
                rehearsal.assertBalancesAgree(store.allFills());
                return null;
            });
            checks.add(
                    "crashes before the POST left intents marked NOT_PLACED",
                    () -> store.intentsIn(EnumSet.of(IntentState.NOT_PLACED)).isEmpty() ? "none" : null);
            checks.add(
                    "reconciliation found orders the database had not heard of",
                    () -> store.recentSafetyEvents(100_000).stream()
                                    .anyMatch(e -> e.message().contains("order found"))
                            ? null
                            : "none");
        }
        lines.add("  integrity_check: " + String.join(" ", integrity));
        checks.add("PRAGMA integrity_check is ok", () -> integrity.equals(List.of("ok")) ? null : "not ok");
        lines.addAll(checks.lines());
        lines.add(checks.passed() + " passed, " + checks.failed() + " failed");
        String text = String.join(System.lineSeparator(), lines);
        System.out.println(text);
        return new Summary(total, checks.passed(), checks.failed(), text);
    }

    /** Named pass/fail checks; a check returns null when it passes, else what is wrong. */
    private static final class Checks {
        private final List<String> lines = new ArrayList<>();
        private int passed;
        private int failed;

        void add(String name, Supplier<String> check) {
            String problem;
            try {
                problem = check.get();
            } catch (AssertionError | RuntimeException e) {
                problem = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
            }
            if (problem == null) {
                passed++;
                lines.add("  PASS " + name);
            } else {
                failed++;
                lines.add("  FAIL " + name + ": " + problem.lines().findFirst().orElse(""));
            }
        }

        List<String> lines() {
            return lines;
        }

        int passed() {
            return passed;
        }

        int failed() {
            return failed;
        }
    }
}
