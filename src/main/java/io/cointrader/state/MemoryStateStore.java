package io.cointrader.state;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StateStore} held in memory, for the backtest: nothing touches the disk, and what the execution
 * engine, the reconciler and the tick do per order or per tick costs O(1) or O(log n) (counting recent
 * submissions included), never a scan of everything stored.
 *
 * <p>It answers exactly as a freshly opened {@link SqliteStateStore} given the same calls would: the
 * same orderings and tie-breaks, upsert rules, ids, exceptions and messages, times cut to whole
 * milliseconds and money with a negative scale coming back at scale 0. Exceptions to that: nothing
 * outlives the object; text is kept as given, where SQLite would replace unpaired UTF-16 surrogates;
 * and balance and position snapshots ({@link #saveBalanceSnapshot}, {@link #savePositionsSnapshot})
 * are checked but not kept, because no method of the port reads them back.
 *
 * <p>Adding a row older than the newest of its kind (an order created, a fill or a record timed before
 * an earlier one) stays correct but costs O(n); a backtest adds them in time order.
 *
 * <p>Threading: every method is synchronized on the store. Returned lists are unmodifiable and hold
 * immutable values, so callers cannot change the store through them.
 */
public final class MemoryStateStore implements StateStore {

    private static final Logger log = LoggerFactory.getLogger(MemoryStateStore.class);

    private final MemoryOrders orders = new MemoryOrders();
    private final MemoryJournal journal = new MemoryJournal();
    private final MemoryAccount account = new MemoryAccount();
    private boolean closed;

    @Override
    public synchronized void appendEvent(String type, Map<String, ?> payload, Instant time) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        requireOpen();
        journal.appendEvent(type, payload, time);
    }

    @Override
    public synchronized List<StoredEvent> recentEvents(String type, int limit) {
        Queries.requireLimit(limit, 0);
        requireOpen();
        return journal.recentEvents(type, limit);
    }

    @Override
    public synchronized boolean insertIntent(IntentRecord record) {
        Objects.requireNonNull(record, "record");
        requireOpen();
        return orders.insertIntent(StorageForm.intent(record));
    }

    @Override
    public synchronized Optional<IntentRecord> findIntent(String intentId) {
        Objects.requireNonNull(intentId, "intentId");
        requireOpen();
        return orders.findIntent(intentId);
    }

    /** @throws StateStoreException also when no intent has that id */
    @Override
    public synchronized void updateIntentState(String intentId, IntentState state, Instant at) {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        requireOpen();
        if (!orders.updateIntentState(intentId, state, StorageForm.time(at))) {
            throw new StateStoreException("could not update order intent state: no such intent", null);
        }
    }

    /** Oldest first (by creation time, then intent id). */
    @Override
    public synchronized List<IntentRecord> intentsIn(Collection<IntentState> states) {
        List<IntentState> wanted = List.copyOf(states);
        requireOpen();
        return wanted.isEmpty() ? List.of() : orders.intentsIn(EnumSet.copyOf(wanted));
    }

    @Override
    public synchronized int countSubmittedIntentsSince(Instant since) {
        Objects.requireNonNull(since, "since");
        requireOpen();
        return orders.countSubmittedSince(since.toEpochMilli());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The intent's state is stamped with the order's update time. An unknown intent id does not
     * stop the order and its fills from being recorded (they are the exchange's truth); it is logged.
     *
     * @throws IllegalArgumentException when a fill belongs to another order
     */
    @Override
    public synchronized void recordOrderUpdate(Order order, List<Fill> fills, IntentState intentState) {
        Objects.requireNonNull(order, "order");
        List<Fill> newFills = List.copyOf(fills);
        for (Fill fill : newFills) {
            if (!fill.clientOrderId().equals(order.clientOrderId())) {
                throw new IllegalArgumentException("a fill of another order was passed with this order");
            }
        }
        requireOpen();
        // everything is converted before anything is changed, so that a failure changes nothing
        Order stored = StorageForm.order(order);
        List<Fill> storedFills = newFills.stream().map(StorageForm::fill).toList();
        orders.recordOrder(stored, storedFills);
        if (intentState != null && !orders.updateIntentState(stored.intentId(), intentState, stored.updatedAt())) {
            log.warn("Order {} refers to an intent that is not stored", stored.clientOrderId());
        }
    }

    @Override
    public synchronized Optional<Order> findOrder(String clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireOpen();
        return orders.findOrder(clientOrderId);
    }

    @Override
    public synchronized Optional<Order> latestOrder(Symbol symbol, Side side) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        requireOpen();
        return orders.latestOrder(symbol, side);
    }

    @Override
    public synchronized Optional<IntentRecord> findIntentByClientOrderId(String clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireOpen();
        return orders.findIntentByClientOrderId(clientOrderId);
    }

    /** Oldest first. */
    @Override
    public synchronized List<Order> openOrders() {
        requireOpen();
        return orders.openOrders();
    }

    @Override
    public synchronized List<Order> recentOrders(int limit, int offset) {
        Queries.requireLimit(limit, offset);
        requireOpen();
        return orders.recentOrders(limit, offset);
    }

    @Override
    public synchronized List<Fill> allFills() {
        requireOpen();
        return orders.allFills();
    }

    @Override
    public synchronized long orderCount() {
        requireOpen();
        return orders.orderCount();
    }

    /** Checked, not kept: no method of the port reads balance snapshots back. */
    @Override
    public synchronized void saveBalanceSnapshot(BalanceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        requireOpen();
        if (!snapshot.balances().isEmpty()) {
            StorageForm.time(snapshot.time());
        }
    }

    /** Checked, not kept: no method of the port reads position snapshots back. */
    @Override
    public synchronized void savePositionsSnapshot(List<Position> positions, Instant time) {
        List<Position> rows = List.copyOf(positions);
        Objects.requireNonNull(time, "time");
        requireOpen();
        if (!rows.isEmpty()) {
            StorageForm.time(time);
        }
    }

    @Override
    public synchronized void saveAccountSnapshot(AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        requireOpen();
        account.saveAccountSnapshot(snapshot);
    }

    @Override
    public synchronized Optional<AccountSnapshot> latestAccountSnapshot() {
        requireOpen();
        return account.latestAccountSnapshot();
    }

    @Override
    public synchronized List<EquityPoint> equityHistory(int maxPoints) {
        requireOpen();
        return account.equityHistory(maxPoints);
    }

    @Override
    public synchronized void recordTick(TickRecord tick) {
        Objects.requireNonNull(tick, "tick");
        requireOpen();
        account.recordTick(tick);
    }

    @Override
    public synchronized List<TickRecord> lastTicks() {
        requireOpen();
        return account.lastTicks();
    }

    @Override
    public synchronized void saveRiskDecision(RiskDecisionRecord decision) {
        Objects.requireNonNull(decision, "decision");
        requireOpen();
        journal.saveRiskDecision(decision);
    }

    /**
     * {@inheritDoc}
     *
     * @param symbol kept as given; may be null for account-wide decisions
     * @throws IllegalArgumentException for kind {@code risk}, which is reserved for {@link
     *     #saveRiskDecision}
     */
    @Override
    public synchronized void saveDecisionEvent(
            String kind, String symbol, String decision, String reason, Map<String, ?> details, Instant time) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(time, "time");
        if (JournalTables.RISK_KIND.equals(kind)) {
            throw new IllegalArgumentException("kind 'risk' is reserved for risk verdicts (saveRiskDecision)");
        }
        requireOpen();
        journal.saveDecisionEvent(kind, symbol, decision, reason, details, time);
    }

    @Override
    public synchronized List<RiskDecisionRecord> recentRiskDecisions(int limit) {
        Queries.requireLimit(limit, 0);
        requireOpen();
        return journal.recentRiskDecisions(limit);
    }

    @Override
    public synchronized List<DecisionEntry> recentDecisions(String kind, Symbol symbol, int limit) {
        Queries.requireLimit(limit, 0);
        requireOpen();
        return journal.recentDecisions(kind, symbol, limit);
    }

    @Override
    public synchronized void saveSafetyEvent(SafetyEvent event) {
        Objects.requireNonNull(event, "event");
        requireOpen();
        journal.saveSafetyEvent(event);
    }

    @Override
    public synchronized List<SafetyEvent> recentSafetyEvents(int limit) {
        Queries.requireLimit(limit, 0);
        requireOpen();
        return journal.recentSafetyEvents(limit);
    }

    @Override
    public synchronized Optional<BigDecimal> dayStartEquity(LocalDate day) {
        Objects.requireNonNull(day, "day");
        requireOpen();
        return account.dayStartEquity(day);
    }

    @Override
    public synchronized BigDecimal recordDayStartEquity(LocalDate day, BigDecimal equity, Instant at) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(at, "at");
        requireOpen();
        StorageForm.time(at);
        return account.recordDayStartEquity(day, equity);
    }

    @Override
    public synchronized Optional<BigDecimal> firstDayStartEquity() {
        requireOpen();
        return account.firstDayStartEquity();
    }

    @Override
    public synchronized Optional<String> meta(String key) {
        Objects.requireNonNull(key, "key");
        requireOpen();
        return account.meta(key);
    }

    @Override
    public synchronized void putMeta(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        requireOpen();
        account.putMeta(key, value);
    }

    /**
     * Every order, latest state, in the order of {@link #recentOrders} reversed: by creation time, ties
     * in the order first recorded.
     */
    public synchronized List<Order> allOrders() {
        requireOpen();
        return orders.allOrders();
    }

    /** Every risk verdict, in the order of {@link #recentRiskDecisions} reversed: by time, ties as saved. */
    public synchronized List<RiskDecisionRecord> allRiskDecisions() {
        requireOpen();
        return journal.allRiskDecisions();
    }

    /** Every safety event, in the order of {@link #recentSafetyEvents} reversed: by time, ties as saved. */
    public synchronized List<SafetyEvent> allSafetyEvents() {
        requireOpen();
        return journal.allSafetyEvents();
    }

    /**
     * There is nothing to release; as with {@link SqliteStateStore#close()}, every later call throws
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the state store is closed");
        }
    }
}
