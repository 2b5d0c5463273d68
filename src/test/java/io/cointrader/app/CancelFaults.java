package io.cointrader.app;

import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.sim.SeenRequest;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimulatorFaults;
import io.cointrader.sim.UpbitSimulator;
import io.cointrader.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Faults on the trader's own cancels. Before a tick in which an order of the tick's symbol is past its
 * timeout (and no other fault is armed), the cancel it is about to get is, every other time, answered
 * 404 while the order is open, 5xx, 429, or taken with its answer lost, in turn; when the order has
 * filled since the trader last looked, the trader's looks at it before the cancel are answered 404
 * instead (not visible yet), so that its cancel meets the exchange's own 404 for an order just filled. After each tick it counts the cancels
 * sent, those that failed and whether each failure was followed by a lookup of the order, and notes
 * any tick that a failed cancel turned into an error.
 */
final class CancelFaults {

    private static final String ORDER = "/v1/order";
    private static final List<SoakFault> ROTATION = List.of(
            SoakFault.CANCEL_NOT_FOUND,
            SoakFault.CANCEL_SERVER_ERROR,
            SoakFault.CANCEL_RATE_LIMITED,
            SoakFault.CANCEL_ANSWER_LOST);

    private final UpbitSimulator sim;
    private final Clock clock;
    private final Duration buyTimeout;
    private final Duration sellTimeout;
    private final Duration lostHold;
    private final Map<SoakFault, Integer> armed = new EnumMap<>(SoakFault.class);
    private final Map<SoakFault, Integer> hits = new EnumMap<>(SoakFault.class);
    private final Set<String> cancelledOrders = new HashSet<>();
    private final SplittableRandom random;
    private final List<String> notLookedUp = new ArrayList<>();
    private final List<String> errorTicks = new ArrayList<>();
    private StateStore store;
    private int turn;
    private SoakFault armedNow;
    private String target;
    private int appliedBefore;
    private Instant tickStart = Instant.MIN;
    private int requested;
    private int failed;
    private int ticksWithFailedCancels;

    /** @param lostHold how long a lost answer holds the connection: longer than the client's timeout */
    CancelFaults(
            UpbitSimulator sim, Clock clock, Duration buyTimeout, Duration sellTimeout, Duration lostHold, long seed) {
        this.sim = sim;
        this.random = new SplittableRandom(seed);
        this.clock = clock;
        this.buyTimeout = buyTimeout;
        this.sellTimeout = sellTimeout;
        this.lostHold = lostHold;
    }

    /** The database of the trader, once it is built. */
    void watch(StateStore store) {
        this.store = store;
    }

    /**
     * Before the tick of {@code symbol}, at the clock's time.
     *
     * @param passStart the tick is the first of its pass, which begins by looking up every open order
     * @param quiet no cancel fault now: another fault is armed for the tick, or no tick calls the exchange
     */
    void beforeTick(Symbol symbol, boolean passStart, boolean quiet) {
        tickStart = clock.instant();
        armedNow = null;
        if (quiet || store == null) {
            return;
        }
        List<Order> open = store.openOrders().stream()
                .filter(o -> o.symbol().equals(symbol))
                .toList();
        Optional<Order> due = open.stream()
                .filter(o -> o.exchangeOrderId() != null
                        && !tickStart.isBefore(o.createdAt().plus(timeout(o.side()))))
                .findFirst();
        if (due.isEmpty()) {
            return;
        }
        sim.match(); // the exchange as the tick will find it
        Optional<SimOrder> there = sim.state().order(due.get().exchangeOrderId());
        if (there.isEmpty()) {
            return;
        }
        target = due.get().clientOrderId();
        boolean unresolved = !store.intentsIn(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN))
                .isEmpty();
        if (there.get().state().equals("done") && open.size() == 1 && !unresolved) {
            // every look before the cancel misses: the pass's look at each open order, then the tick's
            int looks = (passStart ? store.openOrders().size() : 0) + 1;
            arm(SoakFault.CANCEL_AFTER_FILL, SimulatorFaults.Kind.ORDER_NOT_FOUND);
            sim.faults().on("GET", ORDER).answerNotFoundNext(looks);
        } else if (there.get().state().equals("wait") && random.nextBoolean()) {
            SoakFault fault = ROTATION.get(turn++ % ROTATION.size());
            arm(fault, simKind(fault));
            var delete = sim.faults().on("DELETE", ORDER);
            switch (fault) {
                case CANCEL_NOT_FOUND -> delete.answerNotFoundNext(1);
                case CANCEL_SERVER_ERROR -> delete.failNext(1, 500 + 2 * (turn % 2));
                case CANCEL_RATE_LIMITED -> delete.limitNext(1);
                default -> delete.loseNextAnswers(1, turn % 3 == 0 ? Duration.ZERO : lostHold);
            }
        }
    }

    private void arm(SoakFault fault, SimulatorFaults.Kind kind) {
        armedNow = fault;
        appliedBefore = sim.faults().applied(kind, ORDER);
        armed.merge(fault, 1, Integer::sum);
    }

    /** After tick {@code number}, before its faults are cleared. */
    void afterTick(int number, TickReport report, boolean lockedBeforeTick) {
        List<SeenRequest> seen = sim.state().requests(ORDER).stream()
                .filter(r -> !r.receivedAt().isBefore(tickStart))
                .toList();
        boolean failedHere = false;
        for (int i = 0; i < seen.size(); i++) {
            SeenRequest r = seen.get(i);
            if (!r.method().equals("DELETE")) {
                continue;
            }
            requested++;
            String id = identifier(r);
            cancelledOrders.add(id);
            if (r.status() == 200) {
                continue;
            }
            failed++;
            failedHere = true;
            if (seen.subList(i + 1, seen.size()).stream()
                    .noneMatch(l -> l.method().equals("GET") && id.equals(identifier(l)))) {
                notLookedUp.add("tick " + number + ": " + id + " answered " + r.status());
            }
            if (armedNow == SoakFault.CANCEL_AFTER_FILL && r.status() == 404 && id.equals(target)) {
                hits.merge(SoakFault.CANCEL_AFTER_FILL, 1, Integer::sum);
            }
        }
        if (armedNow != null && armedNow != SoakFault.CANCEL_AFTER_FILL) {
            int met = sim.faults().applied(simKind(armedNow), ORDER) - appliedBefore;
            if (met > 0) {
                hits.merge(armedNow, met, Integer::sum);
            }
        }
        if (failedHere) {
            ticksWithFailedCancels++;
            if (report.action() == TickAction.ERROR && !lockedBeforeTick) {
                errorTicks.add("tick " + number + ": " + report.detail());
            }
        }
        armedNow = null;
    }

    Map<SoakFault, Integer> armed() {
        return Map.copyOf(armed);
    }

    Map<SoakFault, Integer> hits() {
        return Map.copyOf(hits);
    }

    String figures() {
        return String.format(
                "cancels: %d requested for %d orders, %d failed and then looked up (%d not), in %d ticks, %d of"
                        + " them errors",
                requested,
                cancelledOrders.size(),
                failed - notLookedUp.size(),
                notLookedUp.size(),
                ticksWithFailedCancels,
                errorTicks.size());
    }

    void addChecks(SoakChecks checks) {
        checks.check(
                "the trader cancelled orders itself and some cancels failed",
                requested > 0 && failed > 0,
                requested + " cancels, " + failed + " failed");
        checks.check(
                "every failed cancel was followed by a lookup of its order",
                notLookedUp.isEmpty(),
                notLookedUp.isEmpty() ? failed + " looked up" : KillSwitchWatch.first(notLookedUp));
        checks.check(
                "no failed cancel turned its tick into an error",
                errorTicks.isEmpty(),
                errorTicks.isEmpty()
                        ? ticksWithFailedCancels + " ticks with a failed cancel, none an error"
                        : KillSwitchWatch.first(errorTicks));
    }

    private Duration timeout(Side side) {
        return side == Side.BUY ? buyTimeout : sellTimeout;
    }

    private static SimulatorFaults.Kind simKind(SoakFault fault) {
        return switch (fault) {
            case CANCEL_NOT_FOUND, CANCEL_AFTER_FILL -> SimulatorFaults.Kind.ORDER_NOT_FOUND;
            case CANCEL_SERVER_ERROR -> SimulatorFaults.Kind.SERVER_ERROR;
            case CANCEL_RATE_LIMITED -> SimulatorFaults.Kind.RATE_LIMITED;
            case CANCEL_ANSWER_LOST -> SimulatorFaults.Kind.LOST_ANSWER;
            default -> throw new IllegalStateException(fault + " is not a cancel fault");
        };
    }

    private static String identifier(SeenRequest r) {
        return SimRequestTally.queryIdentifier(r.rawQuery());
    }
}
