package io.cointrader.app;

import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Side;
import io.cointrader.execution.CancelReasons;
import io.cointrader.execution.IntentIds;
import io.cointrader.sim.SimOrder;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trader's cancels and the sells it placed again, against the exchange: every order the exchange
 * shows cancelled is recorded cancelled with the trader's reason (the timeout; nobody else cancels in
 * these runs); every sell placed again ({@code <intent>|attempt-N}) follows its predecessor one attempt
 * number up (numbers of attempts given up as not placed are skipped), and that predecessor is a sell the
 * trader cancelled for its timeout and the exchange shows cancelled: never two live sells for one exit.
 */
final class CancelAudit {

    /**
     * @param cancelledOnExchange exchange orders in state {@code cancel}
     * @param replacedSells placed sells with an attempt number of 2 or more
     * @param longestChain the highest attempt number placed
     * @param withoutReason cancelled orders not recorded cancelled with the trader's reason
     * @param brokenChains sells placed again whose predecessor is missing, not a sell or not cancelled for
     *     its timeout
     * @param twoLive sells placed again while the exchange shows their predecessor live or filled
     */
    record Findings(
            int cancelledOnExchange,
            int replacedSells,
            int longestChain,
            List<String> withoutReason,
            List<String> brokenChains,
            List<String> twoLive) {}

    private final StateStore store;
    private final Map<String, SimOrder> exchange;
    private final Map<String, IntentRecord> intents;
    private final List<String> brokenChains = new ArrayList<>();
    private final List<String> twoLive = new ArrayList<>();

    private CancelAudit(List<SimOrder> simOrders, StateStore store) {
        this.store = store;
        this.exchange = simOrders.stream().collect(Collectors.toMap(SimOrder::identifier, Function.identity()));
        this.intents = store.intentsIn(EnumSet.allOf(IntentState.class)).stream()
                .collect(Collectors.toMap(r -> r.intent().intentId(), Function.identity()));
    }

    static Findings audit(List<SimOrder> simOrders, StateStore store) {
        return new CancelAudit(simOrders, store).run();
    }

    private Findings run() {
        List<String> withoutReason = new ArrayList<>();
        int cancelled = 0;
        for (SimOrder s : exchange.values()) {
            if (s.state().equals("cancel")) {
                cancelled++;
                Optional<Order> ours = store.findOrder(s.identifier());
                if (ours.isEmpty()
                        || ours.get().status() != OrderStatus.CANCELLED
                        || !CancelReasons.cancelledFor(ours.get(), OrderTimeouts.REASON)) {
                    withoutReason.add(s.identifier() + " "
                            + ours.map(o -> o.status() + " '" + o.statusReason() + "'")
                                    .orElse("not recorded"));
                }
            }
        }
        int replaced = 0;
        int longest = 1;
        for (IntentRecord r : intents.values()) {
            int attempt = IntentIds.attemptOf(r.intent().intentId());
            if (attempt >= 2 && r.state() == IntentState.PLACED) {
                replaced++;
                longest = Math.max(longest, attempt);
                checkPredecessor(r, attempt);
            }
        }
        return new Findings(
                cancelled,
                replaced,
                longest,
                List.copyOf(withoutReason),
                List.copyOf(brokenChains),
                List.copyOf(twoLive));
    }

    /** The nearest earlier attempt that was placed; those in between must have been given up unplaced. */
    private void checkPredecessor(IntentRecord successor, int attempt) {
        String id = successor.intent().intentId();
        String base = id.substring(0, id.lastIndexOf("|attempt-"));
        for (int k = attempt - 1; k >= 1; k--) {
            String earlier = k == 1 ? base : base + "|attempt-" + k;
            IntentRecord record = intents.get(earlier);
            if (record == null) {
                brokenChains.add(id + ": attempt " + k + " was never written");
                return;
            }
            if (record.state() == IntentState.NOT_PLACED) {
                continue;
            }
            Optional<Order> order = store.findOrder(record.clientOrderId());
            if (order.isEmpty()
                    || order.get().side() != Side.SELL
                    || !CancelReasons.cancelledFor(order.get(), OrderTimeouts.REASON)) {
                brokenChains.add(id + ": attempt " + k + " is "
                        + order.map(o -> o.side() + " " + o.status() + " '" + o.statusReason() + "'")
                                .orElse(record.state() + " without an order"));
            }
            SimOrder there = exchange.get(record.clientOrderId());
            if (there != null && !there.state().equals("cancel")) {
                twoLive.add(id + " placed while attempt " + k + " is " + there.state() + " on the exchange");
            }
            return;
        }
        brokenChains.add(id + ": no earlier attempt was placed");
    }
}
