package io.cointrader.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.execution.CrashPoint;
import io.cointrader.security.Fernet;
import io.cointrader.sim.SeenRequest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 */
final class CrashMatrix {

    /** How one run is stopped. */
    enum Way {
        HOOK,
        ANSWER_HELD,
        RANDOM
    }

    /** One run of the trader and how it is to end. */
    record Kill(Way way, CrashPoint point) {
        static final String ANSWER_HELD_LABEL = "AFTER_POST_SENT (answer held)";

        String label() {
            return switch (way) {
                case HOOK -> point.name();
                case ANSWER_HELD -> ANSWER_HELD_LABEL;
                case RANDOM -> "RANDOM";
            };
        }
    }

    /**
     * What one kill came to: the label it is counted under, and a problem when it did not go as planned.
     * A run that did not reach its point in time (the strategy may go long without an order) was killed
     * at the time limit and {@code retry} says so.
     */
    record Outcome(String label, String problem, boolean retry) {
        Outcome(String label, String problem) {
            this(label, problem, false);
        }
    }

    /** Longest wait for a run to reach its crash point; beyond it the run is killed and reported. */
    static final Duration POINT_TIMEOUT = Duration.ofSeconds(40);

    /** The simulator holds a held answer longer than the harness needs to see the order. */
    private static final Duration ANSWER_HOLD = Duration.ofSeconds(20);

    private final Path work;
    private final SimRehearsal rehearsal;
    private final Map<String, String> env;
    private final Random random;
    private final Duration randomMin;
    private final Duration randomMax;
    private final Set<SeenRequest> orderPosts = new LinkedHashSet<>();
    private final List<String> durations = new ArrayList<>();
    private int runs;

    CrashMatrix(Path work, SimRehearsal rehearsal, Map<String, String> env, long seed, Duration min, Duration max) {
        this.work = work;
        this.rehearsal = rehearsal;
        this.env = env;
        this.random = new Random(seed);
        this.randomMin = min;
        this.randomMax = max;
    }

    /**
     * Every crash point {@code rounds} times in the order of the path, plus {@code randomPerRound}
     * random kills per round. A held answer comes just before each reconciliation crash: it leaves an
     * intent whose order the exchange has, so the next start halts while settling that intent.
     */
    static List<Kill> schedule(int rounds, int randomPerRound) {
        List<Kill> kills = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (CrashPoint point : CrashPoint.values()) {
                if (point == CrashPoint.DURING_RECONCILIATION) {
                    kills.add(new Kill(Way.ANSWER_HELD, null));
                }
                kills.add(new Kill(Way.HOOK, point));
            }
            for (int i = 0; i < randomPerRound; i++) {
                kills.add(new Kill(Way.RANDOM, null));
            }
        }
        return kills;
    }

    /** Every kill label in the order of the path, then random: the rows of the summary. */
    static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (CrashPoint point : CrashPoint.values()) {
            if (point == CrashPoint.DURING_RECONCILIATION) {
                labels.add(Kill.ANSWER_HELD_LABEL);
            }
            labels.add(point.name());
        }
        labels.add("RANDOM");
        return labels;
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
                case HOOK -> awaitHook(process, kill, run);
                case ANSWER_HELD -> awaitHeldOrder(process, kill, run, ordersBefore);
                case RANDOM -> killAfter(process, kill, run);
            };
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            process.waitFor(30, TimeUnit.SECONDS);
            durations.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            rehearsal.sim.faults().clear();
            collectOrderPosts();
        }
    }

    /**
     * Order POSTs seen so far, per identifier. The exchange refuses a second order with an identifier
     * it has seen, so a repeated POST would not show as a second order: it is counted here instead.
     */
    Map<String, Long> orderPostsPerIdentifier() {
        collectOrderPosts();
        ObjectMapper json = new ObjectMapper();
        return orderPosts.stream()
                .map(r -> identifier(json, r.body()))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }

    /** Taken after every run: the simulator keeps only its newest requests. */
    private void collectOrderPosts() {
        rehearsal.sim.state().requests("/v1/orders").stream()
                .filter(r -> r.method().equals("POST"))
                .forEach(orderPosts::add);
    }

    private static String identifier(ObjectMapper json, String body) {
        try {
            JsonNode id = json.readTree(body).get("identifier");
            return id == null ? "(none)" : id.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome awaitHook(Process process, Kill kill, int run) throws InterruptedException {
        if (!process.waitFor(POINT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return new Outcome(
                    kill.label(), "run " + run + " did not reach " + kill.label() + " in " + POINT_TIMEOUT, true);
        }
        int code = process.exitValue();
        return new Outcome(kill.label(), code == CrashInjection.KILLED ? null : "run " + run + " ended with " + code);
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

    private Outcome killAfter(Process process, Kill kill, int run) throws InterruptedException {
        long spread = randomMax.toMillis() - randomMin.toMillis();
        long delay = randomMin.toMillis() + (long) (random.nextDouble() * spread);
        if (process.waitFor(delay, TimeUnit.MILLISECONDS)) {
            return new Outcome(kill.label(), "run " + run + " ended by itself with " + process.exitValue());
        }
        process.destroyForcibly(); // SIGKILL
        return new Outcome(kill.label(), null);
    }

    /** Wall seconds of each run so far, from its start to its death, in run order. */
    List<String> durations() {
        return List.copyOf(durations);
    }

    /** Counts kills per label, in the order of {@link #labels()}. */
    static Map<String, Integer> count(List<Outcome> outcomes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels().forEach(l -> counts.put(l, 0));
        outcomes.stream().filter(o -> o.problem() == null).forEach(o -> counts.merge(o.label(), 1, Integer::sum));
        return counts;
    }
}
