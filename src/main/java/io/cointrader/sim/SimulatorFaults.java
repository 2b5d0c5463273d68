package io.cointrader.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Faults scripted per test: each call arms a number of upcoming requests of one path (the URL path,
 * e.g. {@code /v1/orders}, any method), and each affected request uses one up. Kinds on the same
 * request combine (a delayed 500, say). Thread-safe. A new instance injects nothing.
 */
public final class SimulatorFaults {

    /** What to do to the body of an otherwise normal answer. */
    enum BodyFault {
        NONE,
        /** Complete transfer, status unchanged, but only the first half of the JSON. */
        MALFORMED,
        /** The full length is announced, half the body is sent, then the connection is closed. */
        TRUNCATED
    }

    /** The kinds of fault, as counted by {@link #applied()}. */
    public enum Kind {
        SERVER_ERROR,
        DELAY,
        MALFORMED,
        TRUNCATED,
        LOST_ORDER_ANSWER,
        FAILED_BEFORE_CREATE,
        RATE_LIMITED,
        BANNED
    }

    /**
     * The faults one request gets, taken from the script when it is rate-admitted.
     *
     * @param refusal 429 or 418 when the request is refused as over the rate limit (nothing else applies),
     *     else 0
     * @param retryAfter the block a 418 announces; null otherwise
     */
    record Plan(
            Duration delay,
            int failStatus,
            boolean failBeforeCreate,
            Duration loseAnswerAfter,
            BodyFault body,
            int refusal,
            Duration retryAfter) {
        static final Plan NONE = new Plan(Duration.ZERO, 0, false, null, BodyFault.NONE, 0, null);

        boolean losesAnswer() {
            return loseAnswerAfter != null;
        }
    }

    static final String ORDERS_PATH = "/v1/orders";

    private record Armed<T>(int count, T value) {}

    private record Hit(Kind kind, String path) {}

    private final Map<String, Armed<Integer>> failures = new HashMap<>();
    private final Map<String, Armed<Duration>> delays = new HashMap<>();
    private final Map<String, Armed<BodyFault>> bodies = new HashMap<>();
    private final Map<String, Armed<Integer>> refusals = new HashMap<>();
    private final Map<String, Duration> bans = new HashMap<>();
    private final Map<Hit, Integer> applied = new HashMap<>();
    private Armed<Duration> lostOrderAnswers;
    private int ordersFailingBeforeCreate;

    /** The next {@code count} requests of {@code path} are answered {@code status} (500-599) and not processed. */
    public synchronized void failNext(String path, int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("injected failure status must be 500-599, got " + status);
        }
        failures.put(requirePath(path), new Armed<>(requireCount(count), status));
    }

    /** The next {@code count} requests of {@code path} wait {@code delay} before they are processed. */
    public synchronized void delayNext(String path, int count, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more, got " + delay);
        }
        delays.put(requirePath(path), new Armed<>(requireCount(count), delay));
    }

    /** The next {@code count} answers on {@code path} carry the first half of their JSON only. */
    public synchronized void malformNext(String path, int count) {
        bodies.put(requirePath(path), new Armed<>(requireCount(count), BodyFault.MALFORMED));
    }

    /** The next {@code count} answers on {@code path} break off mid-body (announced length not sent). */
    public synchronized void truncateNext(String path, int count) {
        bodies.put(requirePath(path), new Armed<>(requireCount(count), BodyFault.TRUNCATED));
    }

    /**
     * The next {@code count} {@code POST /v1/orders} are processed (a valid order IS created) but
     * never answered: the server holds the connection for {@code hold}, then closes it without a
     * response. Zero closes at once; longer than the client's timeout makes the client time out.
     */
    public synchronized void loseNextOrderAnswers(int count, Duration hold) {
        if (hold == null || hold.isNegative()) {
            throw new IllegalArgumentException("hold must be zero or more, got " + hold);
        }
        lostOrderAnswers = new Armed<>(requireCount(count), hold);
    }

    /** The next {@code count} {@code POST /v1/orders} fail with 500 before anything is created or used up. */
    public synchronized void failNextOrdersBeforeCreating(int count) {
        ordersFailingBeforeCreate = requireCount(count);
    }

    /**
     * The next {@code count} requests of {@code path} are refused with 429 and {@code Remaining-Req} sec=0,
     * as when the caller's budget is used up, whatever the budget says.
     */
    public synchronized void limitNext(String path, int count) {
        refusals.put(requirePath(path), new Armed<>(requireCount(count), 429));
    }

    /**
     * The next request of {@code path} is answered 418 with {@code Retry-After} of {@code retryAfter}
     * (whole seconds, rounded up), as Upbit blocks a client after repeated 429s. Only that one request is
     * refused: a client that honours the header sends nothing more until the block ends.
     */
    public synchronized void banNext(String path, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retry-after must be more than zero, got " + retryAfter);
        }
        bans.put(requirePath(path), retryAfter);
    }

    /** Disarms every fault; the counts of {@link #applied()} stay. */
    public synchronized void clear() {
        failures.clear();
        delays.clear();
        bodies.clear();
        refusals.clear();
        bans.clear();
        lostOrderAnswers = null;
        ordersFailingBeforeCreate = 0;
    }

    /** Whether no fault is armed (all used up or cleared). */
    public synchronized boolean idle() {
        return failures.isEmpty()
                && delays.isEmpty()
                && bodies.isEmpty()
                && refusals.isEmpty()
                && bans.isEmpty()
                && lostOrderAnswers == null
                && ordersFailingBeforeCreate == 0;
    }

    /** How many requests got each kind of fault since this instance was made (kinds without any left out). */
    public synchronized Map<Kind, Integer> applied() {
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        applied.forEach((hit, n) -> totals.merge(hit.kind(), n, Integer::sum));
        return Map.copyOf(totals);
    }

    /** How many requests of {@code path} got a fault of {@code kind} since this instance was made. */
    public synchronized int applied(Kind kind, String path) {
        return applied.getOrDefault(new Hit(kind, path), 0);
    }

    synchronized Plan take(String method, String path) {
        Duration ban = bans.remove(path);
        if (ban != null) {
            count(path, Kind.BANNED, true);
            return new Plan(Duration.ZERO, 0, false, null, BodyFault.NONE, 418, ban);
        }
        if (use(refusals, path, 0) != 0) {
            count(path, Kind.RATE_LIMITED, true);
            return new Plan(Duration.ZERO, 0, false, null, BodyFault.NONE, 429, null);
        }
        boolean orderPost = method.equals("POST") && path.equals(ORDERS_PATH);
        Duration delay = use(delays, path, Duration.ZERO);
        int failStatus = use(failures, path, 0);
        BodyFault body = use(bodies, path, BodyFault.NONE);
        boolean failBeforeCreate = orderPost && ordersFailingBeforeCreate > 0;
        if (failBeforeCreate) {
            ordersFailingBeforeCreate--;
        }
        Duration lose = null;
        if (orderPost && lostOrderAnswers != null) {
            lose = lostOrderAnswers.value();
            lostOrderAnswers = lostOrderAnswers.count() > 1 ? new Armed<>(lostOrderAnswers.count() - 1, lose) : null;
        }
        count(path, Kind.DELAY, !delay.isZero());
        count(path, Kind.SERVER_ERROR, failStatus != 0);
        count(path, Kind.MALFORMED, body == BodyFault.MALFORMED);
        count(path, Kind.TRUNCATED, body == BodyFault.TRUNCATED);
        count(path, Kind.FAILED_BEFORE_CREATE, failBeforeCreate);
        count(path, Kind.LOST_ORDER_ANSWER, lose != null);
        return new Plan(delay, failStatus, failBeforeCreate, lose, body, 0, null);
    }

    private void count(String path, Kind kind, boolean happened) {
        if (happened) {
            applied.merge(new Hit(kind, path), 1, Integer::sum);
        }
    }

    private static <T> T use(Map<String, Armed<T>> armed, String path, T none) {
        Armed<T> fault = armed.get(path);
        if (fault == null) {
            return none;
        }
        if (fault.count() > 1) {
            armed.put(path, new Armed<>(fault.count() - 1, fault.value()));
        } else {
            armed.remove(path);
        }
        return fault.value();
    }

    private static String requirePath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("fault path must be a URL path without query, got " + path);
        }
        return path;
    }

    private static int requireCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("fault count must be at least 1, got " + count);
        }
        return count;
    }
}
