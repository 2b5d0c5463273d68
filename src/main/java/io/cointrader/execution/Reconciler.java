package io.cointrader.execution;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database in line with the broker: settles intents whose outcome is unknown (written
 * ahead but never confirmed, or failed without an answer) by asking the broker for the client order
 * id, and records status changes and new fills of open orders. Runs at start-up and on every loop
 * pass.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** How far back the first scan of a run reads closed orders. */
    private static final Duration FIRST_LOOKBACK = Duration.ofDays(1);
    /** Later scans start this much before the previous one, so nothing falls between two scans. */
    private static final Duration SCAN_OVERLAP = Duration.ofMinutes(10);

    private final Broker broker;
    private final StateStore store;
    private final SafetyEventSink safety;
    private final Clock clock;
    private final OrderJournal journal;
    private final CrashHook crashHook;
    private final UpdateRecorder recorder;
    private final Duration unknownOrderGrace;
    private final Optional<String> ownPrefix;
    private Instant lastScan;

    /** A reconciler without hooks that gives up an unanswered intent as soon as its order is not found. */
    public Reconciler(Broker broker, StateStore store, SafetyEventSink safety, Clock clock) {
        this(broker, store, safety, clock, ExecutionHooks.NONE, ReconcilerOptions.NONE);
    }

    /**
     * @param hooks the crash hook and the listener told about the fills it finds
     * @param options the grace window for unanswered orders and the prefix of this installation's orders
     */
    public Reconciler(
            Broker broker,
            StateStore store,
            SafetyEventSink safety,
            Clock clock,
            ExecutionHooks hooks,
            ReconcilerOptions options) {
        this.journal = new OrderJournal(hooks.listener());
        this.crashHook = hooks.crashHook();
        this.recorder = new UpdateRecorder(broker, store);
        this.broker = broker;
        this.store = store;
        this.safety = safety;
        this.clock = clock;
        this.unknownOrderGrace = options.unknownOrderGrace();
        this.ownPrefix = options.ownPrefix();
    }

    /**
     * Settles every SUBMITTING or UNKNOWN intent: an order found is recorded; an intent whose order does
     * not exist becomes NOT_PLACED, once the grace window allows. Returns how many were settled.
     */
    public int reconcileIntents() {
        List<IntentRecord> pending = store.intentsIn(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN));
        int settled = 0;
        for (IntentRecord record : pending) {
            Optional<OrderUpdate> found;
            try {
                found = broker.lookup(record.clientOrderId());
            } catch (RuntimeException e) {
                LOG.warn("could not look up order {} yet: {}", record.clientOrderId(), e.getMessage());
                continue;
            }
            if (found.isEmpty() && withinGrace(record)) {
                LOG.info(
                        "order {} not found yet; looking again until {}",
                        record.clientOrderId(),
                        record.intent().createdAt().plus(unknownOrderGrace));
                continue;
            }
            String outcome;
            if (found.isPresent()) {
                OrderUpdate found0 = found.get();
                // the broker may not know which intent the order belongs to; the database does
                OrderUpdate update = new OrderUpdate(
                        found0.order().withIntentId(record.intent().intentId()), found0.fills());
                save(found0, update.order(), IntentState.PLACED);
                journal.order("reconciled", update.order());
                update.fills().forEach(journal::fill);
                outcome = "order found: " + update.order().status();
            } else {
                crashHook.reached(CrashPoint.DURING_RECONCILIATION);
                store.updateIntentState(record.intent().intentId(), IntentState.NOT_PLACED, clock.instant());
                journal.intent("not_placed", record.intent().intentId(), record.clientOrderId(), "no such order");
                outcome = "no order exists; intent marked NOT_PLACED";
            }
            settled++;
            safety.record(new SafetyEvent(
                    SafetyEventType.RECONCILED,
                    Severity.INFO,
                    record.intent().symbol(),
                    "reconciled intent left " + record.state() + ": " + outcome,
                    Map.of("intent_id", record.intent().intentId(), "client_order_id", record.clientOrderId()),
                    clock.instant()));
        }
        return settled;
    }

    /**
     * Whether an intent whose order the broker cannot find may still see it appear: on an exchange that
     * can show a new order late, a "not found" right after an unanswered placement proves nothing until
     * the grace window after the intent has passed.
     */
    private boolean withinGrace(IntentRecord record) {
        return broker.showsOrdersLate()
                && clock.instant().isBefore(record.intent().createdAt().plus(unknownOrderGrace));
    }

    /**
     * Finds orders of this installation that the exchange holds (open, or closed since the last scan)
     * but the database does not know: an order the exchange created after its placement went unanswered
     * and its intent was given up, or one a restored database never saw. Each is looked up with its
     * fills and recorded under its intent when the database has one (which then counts as placed), else
     * under its own id, and reported as a safety event. Only for brokers whose orders can appear late.
     * Returns how many were adopted; a failure to read the exchange is a warning and waits for the next
     * pass.
     */
    public int adoptUnknownOrders() {
        if (ownPrefix.isEmpty() || !broker.showsOrdersLate()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant since = lastScan == null ? now.minus(FIRST_LOOKBACK) : lastScan.minus(SCAN_OVERLAP);
        List<String> ids;
        try {
            ids = broker.recentOrderIds(ownPrefix.get(), since);
        } catch (RuntimeException e) {
            LOG.warn("could not list the exchange's orders to find unknown ones: {}", e.getMessage());
            return 0;
        }
        lastScan = now;
        int adopted = 0;
        for (String id : ids) {
            if (store.findOrder(id).isEmpty() && adopt(id)) {
                adopted++;
            }
        }
        return adopted;
    }

    private boolean adopt(String clientOrderId) {
        Optional<OrderUpdate> found;
        try {
            found = broker.lookup(clientOrderId);
        } catch (RuntimeException e) {
            LOG.warn("could not look up unknown order {}: {}", clientOrderId, e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            return false;
        }
        Optional<IntentRecord> intent = store.findIntentByClientOrderId(clientOrderId);
        String intentId = intent.map(r -> r.intent().intentId()).orElse(clientOrderId);
        Order order = found.get().order().withIntentId(intentId);
        save(found.get(), order, intent.isPresent() ? IntentState.PLACED : null);
        journal.order("adopted", order);
        found.get().fills().forEach(journal::fill);
        safety.record(new SafetyEvent(
                SafetyEventType.RECONCILED,
                Severity.HIGH,
                order.symbol(),
                "found order " + clientOrderId + " on the exchange that the database did not know ("
                        + intent.map(r -> "intent " + r.intent().intentId() + " was " + r.state())
                                .orElse("no intent") + "): recorded, " + order.status(),
                Map.of("client_order_id", clientOrderId, "intent_id", intentId),
                clock.instant()));
        return true;
    }

    /** Looks up every order the database holds as open and records what changed. */
    public void syncAllOpenOrders() {
        for (var order : store.openOrders()) {
            try {
                broker.lookup(order.clientOrderId()).ifPresent(reported -> {
                    OrderUpdate update = StoredOrder.restore(store, reported);
                    save(reported, update.order(), null);
                    update.fills().forEach(journal::fill);
                });
            } catch (RuntimeException e) {
                LOG.warn("could not look up open order {}: {}", order.clientOrderId(), e.getMessage());
            }
        }
    }

    /** Lets the broker match open orders against {@code market} and records every change. */
    public List<OrderUpdate> syncOpenOrders(MarketData market) {
        List<OrderUpdate> reported = broker.refresh(market);
        List<OrderUpdate> updates;
        try {
            updates = reported.stream().map(u -> StoredOrder.restore(store, u)).toList();
        } catch (RuntimeException e) {
            // the broker counts all of them as reported: hand them back, nothing was recorded
            reported.forEach(broker::unrecorded);
            throw e;
        }
        for (int i = 0; i < updates.size(); i++) {
            OrderUpdate update = updates.get(i);
            try {
                save(update, update.order(), null);
            } catch (RuntimeException e) {
                // the broker counts the updates after this one as reported too: hand them back as well
                updates.subList(i + 1, updates.size()).forEach(broker::unrecorded);
                throw e;
            }
            journal.order("updated", update.order());
            update.fills().forEach(journal::fill);
        }
        return updates;
    }

    /**
     * Saves what the exchange reported ({@code reported}, as {@code order}); the crash points mark the
     * moments just before and after.
     */
    private void save(OrderUpdate reported, Order order, IntentState intentState) {
        crashHook.reached(CrashPoint.DURING_RECONCILIATION);
        recorder.record(reported, order, intentState);
        if (!reported.fills().isEmpty()) {
            crashHook.reached(CrashPoint.AFTER_FILL_RECORDED);
        }
    }
}
