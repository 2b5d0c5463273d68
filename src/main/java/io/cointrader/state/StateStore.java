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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable state of the trading system. Writes are serialised (one writer) and each method is one
 * transaction; reads may run concurrently from other threads or processes and never make a write
 * fail. Failures throw {@link StateStoreException}.
 */
public interface StateStore extends AutoCloseable {

    // --- audit -------------------------------------------------------------------------------

    /** Appends to the {@code events} audit table; {@code payload} values are rendered as JSON. */
    void appendEvent(String type, Map<String, ?> payload, Instant time);

    /** The newest {@code limit} events of {@code type} (all types when null), newest first. */
    List<StoredEvent> recentEvents(String type, int limit);

    // --- intents, orders, fills --------------------------------------------------------------

    /**
     * Writes the intent ahead of the broker call, in state {@link IntentState#SUBMITTING}.
     *
     * @return false when an intent with the same id already exists (nothing written)
     */
    boolean insertIntent(IntentRecord record);

    Optional<IntentRecord> findIntent(String intentId);

    /** The intent written ahead under {@code clientOrderId}, if any. */
    Optional<IntentRecord> findIntentByClientOrderId(String clientOrderId);

    void updateIntentState(String intentId, IntentState state, Instant at);

    List<IntentRecord> intentsIn(Collection<IntentState> states);

    /**
     * Number of intents that reached the broker (every state but {@link IntentState#NOT_PLACED}),
     * created at or after {@code since}. Feeds the order-rate limits, so it survives restarts.
     */
    int countSubmittedIntentsSince(Instant since);

    /**
     * In one transaction: upserts the order (by client order id), inserts the fills that are new
     * (by fill id) and, when {@code intentState} is not null, sets the intent's state.
     */
    void recordOrderUpdate(Order order, List<Fill> fills, IntentState intentState);

    Optional<Order> findOrder(String clientOrderId);

    /** The most recently created order of {@code symbol} on {@code side}, if any. */
    Optional<Order> latestOrder(Symbol symbol, Side side);

    List<Order> openOrders();

    /** Orders newest first, {@code offset} rows skipped. */
    List<Order> recentOrders(int limit, int offset);

    /** Every fill in time order (oldest first). */
    List<Fill> allFills();

    /** Number of rows in {@code orders} (for paging). */
    long orderCount();

    // --- snapshots, decisions, safety --------------------------------------------------------

    void saveBalanceSnapshot(BalanceSnapshot snapshot);

    void savePositionsSnapshot(List<Position> positions, Instant time);

    /**
     * In one transaction: the balances, the positions (possibly none) and the equity of one tick, linked
     * so that {@link #latestAccountSnapshot()} returns exactly this set.
     */
    void saveAccountSnapshot(AccountSnapshot snapshot);

    /** The newest snapshot saved by {@link #saveAccountSnapshot}, if any. */
    Optional<AccountSnapshot> latestAccountSnapshot();

    /**
     * The equity history of {@link #saveAccountSnapshot}, oldest first, thinned evenly over time to at
     * most about {@code maxPoints} points; the newest snapshot is always included.
     */
    List<EquityPoint> equityHistory(int maxPoints);

    /** Replaces the stored newest tick of {@code tick.symbol()}. */
    void recordTick(TickRecord tick);

    /** The newest tick of every symbol ever ticked, by symbol name. */
    List<TickRecord> lastTicks();

    void saveRiskDecision(RiskDecisionRecord decision);

    /** Records a strategy or advisor decision (not a risk verdict) in {@code decisions_log}. */
    void saveDecisionEvent(
            String kind, String symbol, String decision, String reason, Map<String, ?> details, Instant time);

    List<RiskDecisionRecord> recentRiskDecisions(int limit);

    /**
     * The newest {@code limit} rows of {@code decisions_log}, newest first; {@code kind} and {@code
     * symbol} filter when not null.
     */
    List<DecisionEntry> recentDecisions(String kind, Symbol symbol, int limit);

    void saveSafetyEvent(SafetyEvent event);

    List<SafetyEvent> recentSafetyEvents(int limit);

    // --- account bookkeeping -----------------------------------------------------------------

    /** Equity at the start of trading day {@code day} (00:00 UTC), if recorded. */
    Optional<BigDecimal> dayStartEquity(LocalDate day);

    /**
     * Records the day's starting equity unless one is already recorded; returns the stored value
     * (the existing one when present).
     */
    BigDecimal recordDayStartEquity(LocalDate day, BigDecimal equity, Instant at);

    /** The earliest day-start equity recorded (the account's first day), if any. */
    Optional<BigDecimal> firstDayStartEquity();

    /** A small durable key/value setting (e.g. the paper account's initial balance). */
    Optional<String> meta(String key);

    void putMeta(String key, String value);

    @Override
    void close();
}
