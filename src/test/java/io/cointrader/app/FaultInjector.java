package io.cointrader.app;

import io.cointrader.sim.SimulatorFaults;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Arms the simulator's faults between ticks, at random from a seed, and keeps count. At most one fault
 * is armed for the next tick and cleared after it; a fault meant for an order post stays armed until an
 * order meets it. Knows, for the kill-switch model, when a read of the ticker or the candles must have
 * failed: when every one of the client's attempts met a failing fault.
 */
final class FaultInjector {

    static final String TICKER = "/v1/ticker";
    static final String CANDLES = "/v1/candles/minutes/60";
    static final String ORDERS = "/v1/orders";
    private static final List<String> READS =
            List.of(TICKER, TICKER, CANDLES, CANDLES, "/v1/orderbook", "/v1/accounts", "/v1/order");
    private static final List<SoakFault> OUTAGES = List.of(
            SoakFault.SERVER_ERROR, SoakFault.RATE_LIMIT_BURST, SoakFault.MALFORMED_JSON, SoakFault.TRUNCATED_JSON);

    /** Timing of the faults against the client's request timeout. */
    record Timing(int readAttempts, Duration timeoutDelay, Duration slowDelay, Duration banStep) {}

    /** One armed fault: {@code count} requests of {@code path}, with its status or delay. */
    record Episode(SoakFault fault, String path, int count, int status, Duration duration) {

        SimulatorFaults.Kind simKind() {
            return switch (fault) {
                case SERVER_ERROR -> SimulatorFaults.Kind.SERVER_ERROR;
                case TIMEOUT, SLOW_ANSWER -> SimulatorFaults.Kind.DELAY;
                case RATE_LIMIT_BURST -> SimulatorFaults.Kind.RATE_LIMITED;
                case BAN -> SimulatorFaults.Kind.BANNED;
                case MALFORMED_JSON -> SimulatorFaults.Kind.MALFORMED;
                case TRUNCATED_JSON -> SimulatorFaults.Kind.TRUNCATED;
                case UNANSWERED_ORDER -> SimulatorFaults.Kind.LOST_ORDER_ANSWER;
                default -> throw new IllegalStateException(fault + " is not a simulator fault");
            };
        }
    }

    private final SimulatorFaults faults;
    private final SplittableRandom random;
    private final Timing timing;
    private final double rate;
    private final Map<SoakFault, Integer> armed = new EnumMap<>(SoakFault.class);
    private final Map<SoakFault, Integer> hits = new EnumMap<>(SoakFault.class);
    private Episode current;
    private int currentBefore;
    private Episode pendingOrder;
    private int pendingBefore;
    private int streakLeft;
    private int streaks;

    FaultInjector(SimulatorFaults faults, long seed, double rate, Timing timing) {
        this.faults = faults;
        this.random = new SplittableRandom(seed);
        this.rate = rate;
        this.timing = timing;
    }

    /**
     * Decides the fault of the next tick.
     *
     * @param quiet no exchange fault now (the kill switch is active, or a ban still stops every call)
     * @return whether the database should be locked before the next tick
     */
    boolean armNext(boolean quiet) {
        if (quiet) {
            streakLeft = 0;
            return false;
        }
        if (streakLeft > 0) {
            streakLeft--;
            SoakFault fault = OUTAGES.get(random.nextInt(OUTAGES.size()));
            arm(episode(fault, TICKER, timing.readAttempts()));
            return false;
        }
        if (random.nextDouble() >= rate) {
            return false;
        }
        int roll = random.nextInt(100);
        if (roll < 10) {
            return true;
        }
        if (roll < 13) {
            streaks++;
            streakLeft = 1 + random.nextInt(8);
            return armNext(false);
        }
        if (roll < 14) {
            armBan();
            return false;
        }
        SoakFault fault = pick(roll);
        boolean toOrders =
                fault == SoakFault.UNANSWERED_ORDER || (fault != SoakFault.TIMEOUT && random.nextInt(4) == 0);
        if (toOrders) {
            if (pendingOrder == null) {
                pendingOrder = episode(fault, ORDERS, 1);
                pendingBefore = faults.applied(pendingOrder.simKind(), ORDERS);
                armPending();
            }
            return false;
        }
        int count =
                fault == SoakFault.TIMEOUT && random.nextInt(4) != 0 ? 1 + random.nextInt(2) : 1 + random.nextInt(4);
        arm(episode(fault, READS.get(random.nextInt(READS.size())), count));
        return false;
    }

    /**
     * Arms a 418 on the next ticker read that blocks the client for one to six passes and half a pass
     * more, so that the block ends between two passes, far from any tick.
     */
    void armBan() {
        int passes = 1 + random.nextInt(6);
        arm(new Episode(
                SoakFault.BAN,
                TICKER,
                1,
                418,
                timing.banStep().multipliedBy(passes).plusSeconds(30)));
    }

    private SoakFault pick(int roll) {
        if (roll < 32) {
            return SoakFault.SERVER_ERROR;
        }
        if (roll < 40) {
            return SoakFault.TIMEOUT;
        }
        if (roll < 52) {
            return SoakFault.RATE_LIMIT_BURST;
        }
        if (roll < 64) {
            return SoakFault.MALFORMED_JSON;
        }
        if (roll < 74) {
            return SoakFault.TRUNCATED_JSON;
        }
        if (roll < 88) {
            return SoakFault.SLOW_ANSWER;
        }
        return SoakFault.UNANSWERED_ORDER;
    }

    private Episode episode(SoakFault fault, String path, int count) {
        int status = List.of(500, 502, 503, 504).get(random.nextInt(4));
        Duration duration =
                switch (fault) {
                    case TIMEOUT -> timing.timeoutDelay();
                    case SLOW_ANSWER -> timing.slowDelay().multipliedBy(1 + random.nextInt(4));
                    case UNANSWERED_ORDER -> random.nextInt(3) == 0 ? timing.timeoutDelay() : Duration.ZERO;
                    default -> Duration.ZERO;
                };
        return new Episode(fault, path, count, status, duration);
    }

    private void arm(Episode episode) {
        current = episode;
        currentBefore = faults.applied(episode.simKind(), episode.path());
        armed.merge(episode.fault(), 1, Integer::sum);
        apply(episode);
    }

    private void armPending() {
        armed.merge(pendingOrder.fault(), 1, Integer::sum);
        apply(pendingOrder);
    }

    private void apply(Episode e) {
        switch (e.fault()) {
            case SERVER_ERROR -> faults.failNext(e.path(), e.count(), e.status());
            case TIMEOUT, SLOW_ANSWER -> faults.delayNext(e.path(), e.count(), e.duration());
            case RATE_LIMIT_BURST -> faults.limitNext(e.path(), e.count());
            case BAN -> faults.banNext(e.path(), e.duration());
            case MALFORMED_JSON -> faults.malformNext(e.path(), e.count());
            case TRUNCATED_JSON -> faults.truncateNext(e.path(), e.count());
            case UNANSWERED_ORDER -> faults.loseNextOrderAnswers(e.count(), e.duration());
            default -> throw new IllegalStateException(e.fault() + " is not a simulator fault");
        }
    }

    /** How the tick just ended met the armed fault: which read failed for good, if any. */
    TripModel.Fate fate() {
        if (current == null || !current.fault().failsTheAttempt()) {
            return TripModel.Fate.GOOD;
        }
        int met = faults.applied(current.simKind(), current.path()) - currentBefore;
        int needed = current.fault() == SoakFault.BAN ? 1 : timing.readAttempts();
        if (met < needed) {
            return TripModel.Fate.GOOD;
        }
        return switch (current.path()) {
            case TICKER -> TripModel.Fate.TICKER_FAILED;
            case CANDLES -> TripModel.Fate.CANDLES_FAILED;
            default -> TripModel.Fate.GOOD;
        };
    }

    /** The ban the tick just ended received, if it did. */
    java.util.Optional<Duration> banReceived() {
        if (current != null
                && current.fault() == SoakFault.BAN
                && faults.applied(current.simKind(), TICKER) > currentBefore) {
            return java.util.Optional.of(current.duration());
        }
        return java.util.Optional.empty();
    }

    /** Whether any fault was armed for the tick just ended. */
    boolean faultedTick() {
        return current != null || pendingOrder != null;
    }

    /** After a tick: counts what the faults met, disarms the tick's fault, keeps an unmet order fault. */
    void endTick() {
        if (current != null) {
            hits.merge(
                    current.fault(), faults.applied(current.simKind(), current.path()) - currentBefore, Integer::sum);
            current = null;
        }
        faults.clear();
        if (pendingOrder != null) {
            int met = faults.applied(pendingOrder.simKind(), ORDERS) - pendingBefore;
            if (met > 0) {
                hits.merge(pendingOrder.fault(), met, Integer::sum);
                pendingOrder = null;
            } else {
                apply(pendingOrder);
            }
        }
    }

    /** Disarms everything for good (the end of the run). */
    void stop() {
        endTick();
        pendingOrder = null;
        faults.clear();
    }

    void countLock(SoakFault kind) {
        armed.merge(kind, 1, Integer::sum);
        hits.merge(kind, 1, Integer::sum);
    }

    Map<SoakFault, Integer> armed() {
        return Map.copyOf(armed);
    }

    Map<SoakFault, Integer> hits() {
        return Map.copyOf(hits);
    }

    int streaks() {
        return streaks;
    }
}
