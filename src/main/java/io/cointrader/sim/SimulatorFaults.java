package io.cointrader.sim;

import io.cointrader.sim.FaultPlan.BodyFault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Faults scripted per test: each call arms a number of upcoming requests of one URL path (e.g. {@code
 * /v1/order}), of every method, or through {@link #on} of one method only, and each affected request
 * uses one up. A fault armed for the request's method is used before one armed for every method of
 * its path. Kinds on the same request combine (a delayed 500, say). Thread-safe. A new instance
 * injects nothing.
 */
public final class SimulatorFaults {

    /** The kinds of fault, as counted by {@link #applied()}. */
    public enum Kind {
        SERVER_ERROR,
        DELAY,
        MALFORMED,
        TRUNCATED,
        /** A {@code POST /v1/orders} processed but not answered. */
        LOST_ORDER_ANSWER,
        /** Any other request processed but not answered. */
        LOST_ANSWER,
        FAILED_BEFORE_CREATE,
        RATE_LIMITED,
        BANNED,
        /** Answered 404 {@code order_not_found} without being processed. */
        ORDER_NOT_FOUND,
        /** A {@code POST /v1/orders} whose order is created late, its answer lost. */
        LATE_CREATED_ORDER
    }

    static final String ORDERS_PATH = "/v1/orders";

    /** The requests a fault is armed for: one method of a path, or every method when {@code method} is null. */
    record Target(String method, String path) {}

    private record Armed<T>(int count, T value) {
        Armed<T> less() {
            return count > 1 ? new Armed<>(count - 1, value) : null;
        }
    }

    private record Hit(Kind kind, String path) {}

    private final Map<Target, Armed<Integer>> failures = new HashMap<>();
    private final Map<Target, Armed<Duration>> delays = new HashMap<>();
    private final Map<Target, Armed<BodyFault>> bodies = new HashMap<>();
    private final Map<Target, Armed<Integer>> refusals = new HashMap<>();
    private final Map<Target, Armed<Duration>> bans = new HashMap<>();
    private final Map<Target, Armed<Duration>> lostAnswers = new HashMap<>();
    private final Map<Target, Armed<Boolean>> notFounds = new HashMap<>();
    private final List<Map<Target, ?>> armedByTarget =
            List.of(failures, delays, bodies, refusals, bans, lostAnswers, notFounds);
    private final Map<Hit, Integer> applied = new HashMap<>();
    private Armed<Duration> lateOrders;
    private int ordersFailingBeforeCreate;

    /**
     * The faults of one method of {@code path} only, e.g. {@code on("DELETE", "/v1/order")} leaves
     * {@code GET /v1/order} alone.
     */
    public MethodFaults on(String method, String path) {
        if (method == null || !method.matches("[A-Za-z]{1,10}")) {
            throw new IllegalArgumentException("fault method must be an HTTP method such as DELETE, got " + method);
        }
        return new MethodFaults(this, new Target(method.toUpperCase(Locale.ROOT), requirePath(path)));
    }

    /** The next {@code count} requests of {@code path} are answered {@code status} (500-599) and not processed. */
    public void failNext(String path, int count, int status) {
        armFailure(everyMethod(path), count, status);
    }

    /** The next {@code count} requests of {@code path} wait {@code delay} before they are processed. */
    public void delayNext(String path, int count, Duration delay) {
        armDelay(everyMethod(path), count, delay);
    }

    /** The next {@code count} answers on {@code path} carry the first half of their JSON only. */
    public void malformNext(String path, int count) {
        arm(bodies, everyMethod(path), count, BodyFault.MALFORMED);
    }

    /** The next {@code count} answers on {@code path} break off mid-body (announced length not sent). */
    public void truncateNext(String path, int count) {
        arm(bodies, everyMethod(path), count, BodyFault.TRUNCATED);
    }

    /**
     * The next {@code count} {@code POST /v1/orders} are processed (a valid order IS created) but
     * never answered: the server holds the connection for {@code hold}, then closes it without a
     * response. Zero closes at once; longer than the client's timeout makes the client time out.
     */
    public void loseNextOrderAnswers(int count, Duration hold) {
        armLostAnswer(new Target("POST", ORDERS_PATH), count, hold);
    }

    /** The next {@code count} {@code POST /v1/orders} fail with 500 before anything is created or used up. */
    public synchronized void failNextOrdersBeforeCreating(int count) {
        ordersFailingBeforeCreate = requireCount(count);
    }

    /**
     * The next {@code count} {@code POST /v1/orders} are validated and use up their identifier, but
     * their answer is lost (the connection is closed without a response) and the order is created only
     * once the simulator's wall clock has moved {@code lateBy} past the request: funds are locked, and
     * the order can be looked up, listed and matched, from the first request handled at or after that
     * moment (or {@link UpbitSimulator#match()}). Until then {@code GET /v1/order} answers 404 {@code
     * order_not_found}. An order that no longer finds its funds free at that moment is never created.
     * An order that fails validation is not created either, and its answer is lost all the same.
     */
    public synchronized void createNextOrdersLate(int count, Duration lateBy) {
        lateOrders = new Armed<>(requireCount(count), requireNotNegative(lateBy, "late-by"));
    }

    /**
     * The next {@code count} requests of {@code path} are refused with 429 and {@code Remaining-Req} sec=0,
     * as when the caller's budget is used up, whatever the budget says.
     */
    public void limitNext(String path, int count) {
        armRefusal(everyMethod(path), count);
    }

    /**
     * The next request of {@code path} is answered 418 with {@code Retry-After} of {@code retryAfter}
     * (whole seconds, rounded up), as Upbit blocks a client after repeated 429s. Only that one request is
     * refused: a client that honours the header sends nothing more until the block ends.
     */
    public void banNext(String path, Duration retryAfter) {
        armBan(everyMethod(path), retryAfter);
    }

    /** Disarms every fault; the counts of {@link #applied()} stay. */
    public synchronized void clear() {
        armedByTarget.forEach(Map::clear);
        lateOrders = null;
        ordersFailingBeforeCreate = 0;
    }

    /** Whether no fault is armed (all used up or cleared). */
    public synchronized boolean idle() {
        return armedByTarget.stream().allMatch(Map::isEmpty) && lateOrders == null && ordersFailingBeforeCreate == 0;
    }

    /** How many requests got each kind of fault since this instance was made (kinds without any left out). */
    public synchronized Map<Kind, Integer> applied() {
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        applied.forEach((hit, n) -> totals.merge(hit.kind(), n, Integer::sum));
        return Map.copyOf(totals);
    }

    /** How many requests of {@code path} (any method) got a fault of {@code kind} since this instance was made. */
    public synchronized int applied(Kind kind, String path) {
        return applied.getOrDefault(new Hit(kind, path), 0);
    }

    synchronized FaultPlan take(String method, String path) {
        Target exact = new Target(method, path);
        Target any = new Target(null, path);
        Duration ban = use(bans, exact, any, null);
        if (ban != null) {
            count(path, Kind.BANNED, true);
            return FaultPlan.refused(418, ban);
        }
        if (use(refusals, exact, any, 0) != 0) {
            count(path, Kind.RATE_LIMITED, true);
            return FaultPlan.refused(429, null);
        }
        boolean orderPost = method.equals("POST") && path.equals(ORDERS_PATH);
        Duration delay = use(delays, exact, any, Duration.ZERO);
        int failStatus = use(failures, exact, any, 0);
        BodyFault body = use(bodies, exact, any, BodyFault.NONE);
        boolean notFound = use(notFounds, exact, any, false);
        Duration lose = use(lostAnswers, exact, any, null);
        boolean failBeforeCreate = orderPost && ordersFailingBeforeCreate > 0;
        if (failBeforeCreate) {
            ordersFailingBeforeCreate--;
        }
        Duration late = null;
        if (orderPost && lateOrders != null && failStatus == 0 && !failBeforeCreate && !notFound) {
            late = lateOrders.value();
            lateOrders = lateOrders.less();
        }
        count(path, Kind.DELAY, !delay.isZero());
        count(path, Kind.SERVER_ERROR, failStatus != 0);
        count(path, Kind.MALFORMED, body == BodyFault.MALFORMED);
        count(path, Kind.TRUNCATED, body == BodyFault.TRUNCATED);
        count(path, Kind.FAILED_BEFORE_CREATE, failBeforeCreate);
        count(path, Kind.ORDER_NOT_FOUND, notFound);
        count(path, orderPost ? Kind.LOST_ORDER_ANSWER : Kind.LOST_ANSWER, lose != null);
        count(path, Kind.LATE_CREATED_ORDER, late != null);
        Duration loseAfter = lose == null && late != null ? Duration.ZERO : lose;
        return new FaultPlan(delay, failStatus, failBeforeCreate, loseAfter, body, 0, null, notFound, late);
    }

    void armFailure(Target target, int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("injected failure status must be 500-599, got " + status);
        }
        arm(failures, target, count, status);
    }

    void armDelay(Target target, int count, Duration delay) {
        arm(delays, target, count, requireNotNegative(delay, "delay"));
    }

    void armLostAnswer(Target target, int count, Duration hold) {
        arm(lostAnswers, target, count, requireNotNegative(hold, "hold"));
    }

    void armBan(Target target, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retry-after must be more than zero, got " + retryAfter);
        }
        arm(bans, target, 1, retryAfter);
    }

    void armRefusal(Target target, int count) {
        arm(refusals, target, count, 429);
    }

    void armNotFound(Target target, int count) {
        arm(notFounds, target, count, true);
    }

    private synchronized <T> void arm(Map<Target, Armed<T>> armed, Target target, int count, T value) {
        armed.put(target, new Armed<>(requireCount(count), value));
    }

    private void count(String path, Kind kind, boolean happened) {
        if (happened) {
            applied.merge(new Hit(kind, path), 1, Integer::sum);
        }
    }

    /** Uses one of the fault armed for {@code exact}, else of the one armed for {@code any}. */
    private static <T> T use(Map<Target, Armed<T>> armed, Target exact, Target any, T none) {
        Target target = armed.containsKey(exact) ? exact : any;
        Armed<T> fault = armed.get(target);
        if (fault == null) {
            return none;
        }
        Armed<T> left = fault.less();
        if (left == null) {
            armed.remove(target);
        } else {
            armed.put(target, left);
        }
        return fault.value();
    }

    private static Target everyMethod(String path) {
        return new Target(null, requirePath(path));
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

    private static Duration requireNotNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or more, got " + duration);
        }
        return duration;
    }
}
