package io.cointrader.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.app.CrashSchedule.Kill;
import io.cointrader.app.CrashSchedule.Outcome;
import io.cointrader.app.CrashSchedule.Way;
import io.cointrader.core.Side;
import io.cointrader.execution.CrashPoint;
import io.cointrader.security.Fernet;
import io.cointrader.sim.SimOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Kills a live trader on the Upbit simulator again and again, each time at a chosen point of the
 * order path or at a random moment, and restarts it against the same simulator and database. One
 * {@link Kill} is one process: started, then stopped dead (exit 137) where the kill says.
 *
 * <ul>
 *   <li>{@link Way#HOOK}: the process halts itself the first time it reaches a {@link CrashPoint}
 *       ({@code -Dcointrader.crash-at}).
 *   <li>{@link Way#ANSWER_HELD}: the order POST has reached the exchange, which created the order but
 *       holds the answer; the harness sends SIGKILL as soon as the order exists.
 *   <li>{@link Way#RANDOM}: SIGKILL after a random delay from the start.
 * </ul>
 *
 * <p>Orders rest and time out: the trader runs with timeouts of {@link #ORDER_TIMEOUT_SEC} and the
 * market is held still for {@link #HOLD} after an order appears (after every new order of the resting
 * side for the cancel points, after every other new order for random kills), so that the order is
 * still open at the trader's next ticks and is cancelled there, a sell placed again. The market
 * history ends more than a day before the wall clock ({@link MirroredHistory#endingBefore}), and the
 * simulator stamps orders with market time, so the trader finds every resting order past its timeout
 * at its next tick: the hold is what decides which orders rest.
 */
final class CrashMatrix {

    /** Longest wait for a run to reach its crash point; beyond it the run is killed and reported. */
    static final Duration POINT_TIMEOUT = Duration.ofSeconds(40);

    /** The simulator holds a held answer longer than the harness needs to see the order. */
    private static final Duration ANSWER_HOLD = Duration.ofSeconds(20);

    /** BUY_ORDER_TIMEOUT_SEC and SELL_ORDER_TIMEOUT_SEC of the trader: the shortest the settings allow. */
    static final int ORDER_TIMEOUT_SEC = 1;

    /**
     * UNKNOWN_ORDER_GRACE_SEC: the matrix creates no order late, so a short window settles an intent
     * killed before its POST within the next run, as before the grace window existed.
     */
    static final Duration UNKNOWN_ORDER_GRACE = Duration.ofSeconds(2);

    /** How long the market stands still after an order meant to rest: longer than a tick plus a timeout. */
    static final Duration HOLD = Duration.ofMillis(2500);

    private final Path work;
    private final SimRehearsal rehearsal;
    private final Map<String, String> env;
    private final Random random;
    private final Duration randomMin;
    private final Duration randomMax;
    private final SimRequestTally requests;
    private final List<String> durations = new ArrayList<>();
    private final List<String> sellsKilledBeforeReplacement = new ArrayList<>();
    private int runs;

    CrashMatrix(Path work, SimRehearsal rehearsal, Map<String, String> env, long seed, Duration min, Duration max) {
        this.work = work;
        this.rehearsal = rehearsal;
        this.env = env;
        this.random = new Random(seed);
        this.randomMin = min;
        this.randomMax = max;
        this.requests = new SimRequestTally(rehearsal.sim);
    }

    /**
     * Rewrites the rehearsal's key file in the original tool's format (SHA-256 of the master key, no
     * slow key derivation), so that each of many restarts decrypts the keys at once.
     */
    static void writeOriginalKeyFile(Path work) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(SimRehearsal.MASTER.getBytes(StandardCharsets.UTF_8));
        String payload = new ObjectMapper()
                .writeValueAsString(
                        Map.of("version", 1, "api_key", SimRehearsal.ACCESS, "api_secret", SimRehearsal.SECRET));
        String token = new Fernet(key, new SecureRandom(), Clock.systemUTC())
                .encrypt(payload.getBytes(StandardCharsets.UTF_8));
        Files.writeString(work.resolve("data/upbit_keys.enc"), token);
    }

    /** Environment for the trader: the rehearsal's, with room for a long day of orders. */
    static Map<String, String> traderEnv(SimRehearsal rehearsal) {
        Map<String, String> env = new HashMap<>(rehearsal.env());
        // every run trades on the same real day: the default 100 orders a day would end a long matrix early
        env.put("MAX_ORDERS_PER_DAY", "100000");
        // market weeks pass in wall minutes; a drawdown stop would end the buying, and with it the matrix
        env.put("DAILY_MAX_DRAWDOWN_PCT", "100");
        env.put("BUY_ORDER_TIMEOUT_SEC", Integer.toString(ORDER_TIMEOUT_SEC));
        env.put("SELL_ORDER_TIMEOUT_SEC", Integer.toString(ORDER_TIMEOUT_SEC));
        env.put("UNKNOWN_ORDER_GRACE_SEC", Long.toString(UNKNOWN_ORDER_GRACE.toSeconds()));
        return env;
    }

    /**
     * Runs {@code kill}; when its point was not reached in time, runs it again (up to {@code retries}
     * times), so that every point gets its planned kills. Every run is returned.
     */
    List<Outcome> runUntilReached(Kill kill, int retries) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        Outcome outcome = run(kill);
        outcomes.add(outcome);
        for (int i = 0; i < retries && outcome.retry(); i++) {
            outcome = run(kill);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    Outcome run(Kill kill) throws Exception {
        int run = runs++;
        int ordersBefore = rehearsal.orders().size();
        Set<String> seen = identifiers(rehearsal.orders());
        Instant startedAt = Instant.now();
        if (kill.way() == Way.ANSWER_HELD) {
            rehearsal.sim.faults().loseNextOrderAnswers(1, ANSWER_HOLD);
        }
        List<String> jvm = kill.way() == Way.HOOK ? List.of("-Dcointrader.crash-at=" + kill.point() + ":1") : List.of();
        Process process = new TraderProcess(work)
                .builder(jvm, List.of("run", "--mode", "live"), env)
                .redirectOutput(work.resolve("run-" + run + ".out").toFile())
                .redirectError(work.resolve("run-" + run + ".err").toFile())
                .start();
        long started = System.nanoTime();
        try {
            return switch (kill.way()) {
                case HOOK -> kill.rest() == null
                        ? awaitHook(process, kill, run)
                        : awaitCancelHook(process, kill, run, seen, startedAt);
                case ANSWER_HELD -> awaitHeldOrder(process, kill, run, ordersBefore);
                case RANDOM -> killAfter(process, kill, run, seen);
            };
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            process.waitFor(30, TimeUnit.SECONDS);
            durations.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            rehearsal.sim.faults().clear();
            requests.collect();
        }
    }

    /** The order POSTs and cancels of every run so far. */
    SimRequestTally requests() {
        return requests;
    }

    /** The sells a kill on the cancel path stopped between their cancel and their placement again. */
    List<String> sellsKilledBeforeReplacement() {
        return List.copyOf(sellsKilledBeforeReplacement);
    }

    private Outcome awaitHook(Process process, Kill kill, int run) throws InterruptedException {
        if (!process.waitFor(POINT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return new Outcome(
                    kill.label(), "run " + run + " did not reach " + kill.label() + " in " + POINT_TIMEOUT, true);
        }
        return exited(process, kill, run);
    }

    private static Outcome exited(Process process, Kill kill, int run) {
        int code = process.exitValue();
        return new Outcome(kill.label(), code == CrashInjection.KILLED ? null : "run " + run + " ended with " + code);
    }

    /**
     * Holds the market after every new order of the resting side until the process halts at its cancel
     * point; the kill is as planned when the order the halted cancel was for is of that side (an order
     * left open by an earlier kill may be cancelled first: then the kill is run again).
     */
    private Outcome awaitCancelHook(Process process, Kill kill, int run, Set<String> seen, Instant startedAt)
            throws InterruptedException {
        long deadline = System.nanoTime() + POINT_TIMEOUT.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return new Outcome(
                        kill.label(), "run " + run + " did not reach " + kill.label() + " in " + POINT_TIMEOUT, true);
            }
            if (newOrders(seen).stream().anyMatch(o -> o.side() == kill.rest())) {
                rehearsal.holdMarket(HOLD);
            }
            Thread.sleep(10);
        }
        Outcome outcome = exited(process, kill, run);
        if (outcome.problem() != null) {
            return outcome;
        }
        Optional<SimOrder> cancelled = requests.lastCancelSince(startedAt).flatMap(this::exchangeOrder);
        if (cancelled.isEmpty() || cancelled.get().side() != kill.rest()) {
            String what = cancelled.map(o -> "a " + o.side()).orElse("no order");
            return new Outcome(kill.label(), "run " + run + " halted on the cancel of " + what, true);
        }
        if (kill.rest() == Side.SELL) {
            sellsKilledBeforeReplacement.add(cancelled.get().identifier());
        }
        return outcome;
    }

    /** Orders the exchange holds that are not in {@code seen}, added to it. */
    private List<SimOrder> newOrders(Set<String> seen) {
        return rehearsal.orders().stream().filter(o -> seen.add(o.identifier())).toList();
    }

    private Optional<SimOrder> exchangeOrder(String identifier) {
        return rehearsal.orders().stream()
                .filter(o -> identifier.equals(o.identifier()))
                .findFirst();
    }

    private static Set<String> identifiers(List<SimOrder> orders) {
        return orders.stream().map(SimOrder::identifier).collect(Collectors.toCollection(HashSet::new));
    }

    private Outcome awaitHeldOrder(Process process, Kill kill, int run, int ordersBefore) throws InterruptedException {
        long deadline = System.nanoTime() + POINT_TIMEOUT.toNanos();
        while (rehearsal.orders().size() == ordersBefore) {
            if (!process.isAlive()) {
                return new Outcome(kill.label(), "run " + run + " ended with " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(kill.label(), "run " + run + " placed no order in " + POINT_TIMEOUT, true);
            }
            Thread.sleep(10);
        }
        process.destroyForcibly(); // SIGKILL while the answer is held
        return new Outcome(kill.label(), null);
    }

    /**
     * SIGKILL after a random delay; meanwhile every other new order is let rest, so that random kills
     * also fall among cancels and sells placed again.
     */
    private Outcome killAfter(Process process, Kill kill, int run, Set<String> seen) throws InterruptedException {
        long spread = randomMax.toMillis() - randomMin.toMillis();
        long delay = randomMin.toMillis() + (long) (random.nextDouble() * spread);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        int fresh = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return new Outcome(kill.label(), "run " + run + " ended by itself with " + process.exitValue());
            }
            for (SimOrder ignored : newOrders(seen)) {
                if (fresh++ % 2 == 0) {
                    rehearsal.holdMarket(HOLD);
                }
            }
            Thread.sleep(10);
        }
        process.destroyForcibly(); // SIGKILL
        return new Outcome(kill.label(), null);
    }

    /** Wall seconds of each run so far, from its start to its death, in run order. */
    List<String> durations() {
        return List.copyOf(durations);
    }
}
