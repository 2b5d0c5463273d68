package io.cointrader.execution;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only path from an intent to a broker. In order: kill switch, idempotency (memory, then the
 * database), risk, write-ahead of the intent with its client order id, the broker call, and persistence
 * of the order and its fills in one transaction. A broker call that fails without an answer leaves the
 * intent UNKNOWN for {@link Reconciler}; it is never retried here.
 *
 * <p>Not thread-safe: one trading thread drives it.
 */
public final class ExecutionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private static final Logger DECISIONS = LoggerFactory.getLogger("cointrader.decisions");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final Broker broker;
    private final RiskManager riskManager;
    private final StateStore store;
    private final KillSwitch killSwitch;
    private final SafetyEventSink safety;
    private final IntentIds ids;
    private final Clock clock;
    private final OrderJournal journal;
    private final Set<String> seenIntents = new HashSet<>();
    private final CrashHook crashHook;
    private final UpdateRecorder recorder;
    private final OrderSpacing spacing;

    public ExecutionEngine(
            Broker broker,
            RiskManager riskManager,
            StateStore store,
            KillSwitch killSwitch,
            SafetyEventSink safety,
            IntentIds ids,
            Clock clock) {
        this(broker, riskManager, store, killSwitch, safety, ids, clock, ExecutionHooks.NONE);
    }

    /** As the other constructor, with the crash hook, trade listener and order spacing of {@code hooks}. */
    public ExecutionEngine(
            Broker broker,
            RiskManager riskManager,
            StateStore store,
            KillSwitch killSwitch,
            SafetyEventSink safety,
            IntentIds ids,
            Clock clock,
            ExecutionHooks hooks) {
        this.journal = new OrderJournal(hooks.listener());
        this.recorder = new UpdateRecorder(broker, store);
        this.crashHook = hooks.crashHook();
        this.spacing = hooks.spacing();
        this.broker = broker;
        this.riskManager = riskManager;
        this.store = store;
        this.killSwitch = killSwitch;
        this.safety = safety;
        this.ids = ids;
        this.clock = clock;
    }

    public String clientOrderId(OrderIntent intent) {
        return ids.clientOrderId(intent.intentId());
    }

    public ExecutionResult execute(OrderIntent intent, AccountState account) {
        String intentId = intent.intentId();
        String clientOrderId = ids.clientOrderId(intentId);
        if (killSwitch.isActive() && !intent.emergency()) {
            return blocked(ExecutionOutcome.KILL_SWITCH_ACTIVE, intentId, clientOrderId, "kill switch is active");
        }
        if (seenIntents.contains(intentId) || store.findIntent(intentId).isPresent()) {
            seenIntents.add(intentId);
            return blocked(ExecutionOutcome.DUPLICATE, intentId, clientOrderId, "intent already handled");
        }
        Instant now = clock.instant();
        OrderCounters counters = counters(now);
        if (counters.lastSecond() >= riskManager.limits().maxOrdersPerSecond() && spacing.pause(ONE_SECOND)) {
            // wait for the orders of the last second to leave the window instead of refusing this one
            now = clock.instant();
            counters = counters(now);
        }
        RiskDecisionRecord verdict = riskManager.validate(intent, RiskStates.of(intent, account, counters), now);
        store.saveRiskDecision(verdict);
        logVerdict(intent, verdict);
        if (!verdict.approved()) {
            return blocked(ExecutionOutcome.RISK_REJECTED, intentId, clientOrderId, verdict.reason());
        }
        if (!store.insertIntent(new IntentRecord(intent, clientOrderId, IntentState.SUBMITTING, now))) {
            seenIntents.add(intentId);
            return blocked(ExecutionOutcome.DUPLICATE, intentId, clientOrderId, "intent already written");
        }
        seenIntents.add(intentId);
        journal.intent("submitting", intentId, clientOrderId, intent.reason());
        return placeWrittenIntent(intent, clientOrderId);
    }

    /**
     * Cancels an open order for {@code why} and records the outcome with that reason. Allowed while the
     * kill switch is active: a cancel only reduces exposure. Never throws for what the exchange answers:
     * a cancel that fails or goes unanswered (the order may have filled a moment ago) is followed by a
     * lookup that records the order's true state; when that fails too, the order stays open in the
     * database and the caller tries again later. The reason is written ahead of the request, so that a
     * crash after the exchange took the cancel still leaves the order recorded as cancelled for {@code
     * why} once the restarted trader sees it ended.
     */
    public CancelResult cancel(String clientOrderId, String why) {
        try {
            store.findOrder(clientOrderId)
                    .filter(o -> o.status().isOpen())
                    .ifPresent(o -> store.recordOrderUpdate(CancelReasons.withReason(o, why), List.of(), null));
        } catch (RuntimeException e) {
            LOG.warn("could not write the cancel of {} ahead: {}; will retry", clientOrderId, e.getMessage());
            return new CancelResult(clientOrderId, Optional.empty(), "cancel not written ahead; will retry");
        }
        Optional<OrderUpdate> reported;
        String failure = null;
        try {
            reported = broker.cancel(clientOrderId);
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("cancel of {} failed ({}): {}; looking the order up", clientOrderId, why, failure);
            try {
                reported = broker.lookup(clientOrderId);
            } catch (RuntimeException lookupFailure) {
                LOG.warn("could not look up {} after the failed cancel: {}", clientOrderId, lookupFailure.getMessage());
                return new CancelResult(
                        clientOrderId, Optional.empty(), "cancel failed and the order could not be read; will retry");
            }
        }
        crashHook.reached(CrashPoint.AFTER_CANCEL_SENT);
        if (reported.isEmpty()) {
            return new CancelResult(clientOrderId, Optional.empty(), "the broker has no such order");
        }
        OrderUpdate update = StoredOrder.restore(store, reported.get());
        Order order = CancelReasons.withReason(update.order(), why);
        try {
            recorder.record(update, order, null);
        } catch (RuntimeException e) {
            LOG.warn("could not record the cancel of {}: {}; will retry", clientOrderId, e.getMessage());
            return new CancelResult(clientOrderId, Optional.empty(), "cancel not recorded; will retry");
        }
        crashHook.reached(CrashPoint.AFTER_CANCEL_RECORDED);
        journal.order(order.status().isOpen() ? "cancel_requested" : "cancelled", order);
        update.fills().forEach(journal::fill);
        LOG.info("cancel of {} ({}): now {}", clientOrderId, why, order.status());
        String detail = describeCancel(order);
        if (failure != null && order.status().isOpen()) {
            detail = "cancel failed (" + failure + "); still open, will retry";
        }
        return new CancelResult(clientOrderId, Optional.of(order), detail);
    }

    private static String describeCancel(Order order) {
        return switch (order.status()) {
            case CANCELLED -> order.filledQuantity().signum() > 0
                    ? "cancelled after " + order.filledQuantity().toPlainString() + " filled"
                    : "cancelled";
            case FILLED -> "filled before the cancel";
            case OPEN, PARTIALLY_FILLED -> "cancel requested";
            case REJECTED -> "rejected";
        };
    }

    private ExecutionResult placeWrittenIntent(OrderIntent intent, String clientOrderId) {
        OrderUpdate update;
        try {
            crashHook.reached(CrashPoint.AFTER_WRITE_AHEAD);
            update = broker.place(intent, clientOrderId);
            crashHook.reached(CrashPoint.AFTER_BROKER_CALL);
        } catch (OutcomeUnknownException | ExchangeUnavailableException e) {
            return outcomeUnknown(intent, clientOrderId, e);
        } catch (ExchangeException e) {
            // any other answer of the exchange family says the order was not created (refused, rate
            // limited, blocked, authentication failed, market unavailable)
            Order rejected = rejectedOrder(intent, clientOrderId, e.getMessage());
            store.recordOrderUpdate(rejected, List.of(), IntentState.REJECTED);
            journal.order("rejected", rejected);
            return new ExecutionResult(
                    ExecutionOutcome.BROKER_REJECTED,
                    intent.intentId(),
                    clientOrderId,
                    rejected,
                    List.of(),
                    e.getMessage());
        } catch (RuntimeException e) {
            return outcomeUnknown(intent, clientOrderId, e);
        }
        IntentState state = update.order().status() == OrderStatus.REJECTED ? IntentState.REJECTED : IntentState.PLACED;
        // a refused write leaves the intent SUBMITTING: the next reconciliation records the order
        recorder.record(update, update.order(), state);
        crashHook.reached(CrashPoint.AFTER_ORDER_SAVED);
        if (!update.fills().isEmpty()) {
            crashHook.reached(CrashPoint.AFTER_FILL_RECORDED);
        }
        journal.order("placed", update.order());
        update.fills().forEach(journal::fill);
        return new ExecutionResult(
                state == IntentState.PLACED ? ExecutionOutcome.PLACED : ExecutionOutcome.BROKER_REJECTED,
                intent.intentId(),
                clientOrderId,
                update.order(),
                update.fills(),
                update.order().status().name().toLowerCase(java.util.Locale.ROOT));
    }

    private ExecutionResult outcomeUnknown(OrderIntent intent, String clientOrderId, RuntimeException e) {
        String detail = "broker call failed without an answer (" + e.getClass().getSimpleName() + ")";
        LOG.warn("order outcome unknown for intent {} ({}): {}", intent.intentId(), clientOrderId, e.getMessage());
        try {
            store.updateIntentState(intent.intentId(), IntentState.UNKNOWN, clock.instant());
        } catch (RuntimeException storeFailure) {
            // the intent stays SUBMITTING, which reconciliation treats exactly like UNKNOWN
            LOG.error("could not mark intent {} unknown", intent.intentId(), storeFailure);
        }
        safety.record(new SafetyEvent(
                SafetyEventType.ORDER_OUTCOME_UNKNOWN,
                Severity.HIGH,
                intent.symbol(),
                detail + "; will reconcile by client order id",
                Map.of("intent_id", intent.intentId(), "client_order_id", clientOrderId),
                clock.instant()));
        return blocked(ExecutionOutcome.OUTCOME_UNKNOWN, intent.intentId(), clientOrderId, detail);
    }

    private OrderCounters counters(Instant now) {
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        // the store keeps milliseconds: the window (now - 1 s, now] starts one millisecond after now - 1 s
        int lastSecond = store.countSubmittedIntentsSince(
                now.minus(Duration.ofSeconds(1)).plusMillis(1));
        int today = store.countSubmittedIntentsSince(dayStart);
        return new OrderCounters(lastSecond, today);
    }

    private Order rejectedOrder(OrderIntent intent, String clientOrderId, String reason) {
        Instant now = clock.instant();
        return new Order(
                clientOrderId,
                null,
                intent.intentId(),
                intent.symbol(),
                intent.side(),
                intent.type(),
                intent.price(),
                intent.quantity(),
                BigDecimal.ZERO,
                OrderStatus.REJECTED,
                reason,
                now,
                now);
    }

    private ExecutionResult blocked(ExecutionOutcome outcome, String intentId, String clientOrderId, String detail) {
        journal.intent(outcome.name().toLowerCase(java.util.Locale.ROOT), intentId, clientOrderId, detail);
        return ExecutionResult.blocked(outcome, intentId, clientOrderId, detail);
    }

    private static void logVerdict(OrderIntent intent, RiskDecisionRecord verdict) {
        if (!DECISIONS.isInfoEnabled()) {
            return;
        }
        DECISIONS
                .atInfo()
                .addKeyValue("event", "risk_decision")
                .addKeyValue("intent_id", intent.intentId())
                .addKeyValue("symbol", intent.symbol().toString())
                .addKeyValue("side", intent.side().name())
                .addKeyValue(
                        "notional",
                        verdict.notional() == null ? null : verdict.notional().toPlainString())
                .addKeyValue("decision", verdict.decision().name())
                .addKeyValue("check", verdict.check())
                .addKeyValue("reason", verdict.reason())
                .log("risk {} {} {}: {}", verdict.decision(), intent.side(), intent.symbol(), verdict.reason());
    }
}
