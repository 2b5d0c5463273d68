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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StateStore} on one SQLite file in WAL mode. By default {@code synchronous=FULL}, so that a
 * committed write (above all a write-ahead intent) survives a crash or power loss; see {@link
 * Durability}.
 *
 * <p>Threading: safe for use from any number of threads. All writes go through one connection under
 * a lock and each method is one transaction. Reads use separate read-only connections and see the
 * last committed state; readers in this or another process (e.g. the dashboard) never make a write
 * fail. Another process may write the same file too: SQLite serialises it, waiting up to 10 s.
 *
 * <p>Storage: times to the millisecond (sub-millisecond parts are dropped), money exactly as {@link
 * BigDecimal#toPlainString()} with its scale (a negative scale comes back as scale 0, same value).
 * The schema is migrated at {@link #open}; a database written by a newer program is refused.
 */
public final class SqliteStateStore implements StateStore {

    private static final Logger log = LoggerFactory.getLogger(SqliteStateStore.class);

    private final SqliteDatabase db;
    private final JournalTables journal = new JournalTables(new JsonCodec());

    private SqliteStateStore(SqliteDatabase db) {
        this.db = db;
    }

    /** Opens (creating the file and its parent directories when absent) and migrates the database. */
    public static SqliteStateStore open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} stamps the schema migrations applied. */
    public static SqliteStateStore open(Path dbFile, Clock clock) {
        return open(dbFile, clock, Durability.POWER_LOSS_SAFE);
    }

    /** As {@link #open(Path, Clock)} with the given durability of commits. */
    public static SqliteStateStore open(Path dbFile, Clock clock, Durability durability) {
        Objects.requireNonNull(dbFile, "dbFile");
        createParentDirectories(dbFile);
        SqliteDatabase db = SqliteDatabase.open(dbFile, durability);
        try {
            int version = new SchemaMigrator(SchemaMigrator.SCRIPTS, clock).migrate(db);
            log.info("State store open at {} (schema version {})", dbFile, version);
            return new SqliteStateStore(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void appendEvent(String type, Map<String, ?> payload, Instant time) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        db.write("append event", c -> {
            journal.appendEvent(c, type, payload, time);
            return null;
        });
    }

    @Override
    public List<StoredEvent> recentEvents(String type, int limit) {
        Queries.requireLimit(limit, 0);
        return db.read("read events", c -> journal.recentEvents(c, type, limit));
    }

    @Override
    public boolean insertIntent(IntentRecord record) {
        Objects.requireNonNull(record, "record");
        return db.write("save order intent", c -> OrderTables.insertIntent(c, record));
    }

    @Override
    public Optional<IntentRecord> findIntent(String intentId) {
        Objects.requireNonNull(intentId, "intentId");
        return db.read("read order intent", c -> OrderTables.findIntent(c, intentId));
    }

    /** @throws StateStoreException also when no intent has that id */
    @Override
    public void updateIntentState(String intentId, IntentState state, Instant at) {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        db.write("update order intent state", c -> {
            if (OrderTables.updateIntentState(c, intentId, state, at) == 0) {
                throw new StateStoreException("could not update order intent state: no such intent", null);
            }
            return null;
        });
    }

    /** Oldest first. */
    @Override
    public List<IntentRecord> intentsIn(Collection<IntentState> states) {
        List<IntentState> wanted = List.copyOf(states);
        return db.read("read order intents", c -> OrderTables.intentsIn(c, wanted));
    }

    @Override
    public int countSubmittedIntentsSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return db.read("count order intents", c -> OrderTables.countSubmittedSince(c, since));
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
    public void recordOrderUpdate(Order order, List<Fill> fills, IntentState intentState) {
        Objects.requireNonNull(order, "order");
        List<Fill> newFills = List.copyOf(fills);
        for (Fill fill : newFills) {
            if (!fill.clientOrderId().equals(order.clientOrderId())) {
                throw new IllegalArgumentException("a fill of another order was passed with this order");
            }
        }
        db.write("save order", c -> {
            OrderTables.upsertOrder(c, order);
            for (Fill fill : newFills) {
                OrderTables.insertFill(c, fill);
            }
            if (intentState != null
                    && OrderTables.updateIntentState(c, order.intentId(), intentState, order.updatedAt()) == 0) {
                log.warn("Order {} refers to an intent that is not stored", order.clientOrderId());
            }
            return null;
        });
    }

    @Override
    public Optional<Order> findOrder(String clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        return db.read("read order", c -> OrderTables.findOrder(c, clientOrderId));
    }

    @Override
    public Optional<Order> latestOrder(Symbol symbol, Side side) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        return db.read("read latest order", c -> OrderTables.latestOrder(c, symbol, side));
    }

    @Override
    public Optional<IntentRecord> findIntentByClientOrderId(String clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        return db.read("read intent", c -> OrderTables.findIntentByClientOrderId(c, clientOrderId));
    }

    /** Oldest first. */
    @Override
    public List<Order> openOrders() {
        return db.read("read open orders", OrderTables::openOrders);
    }

    @Override
    public List<Order> recentOrders(int limit, int offset) {
        Queries.requireLimit(limit, offset);
        return db.read("read orders", c -> OrderTables.recentOrders(c, limit, offset));
    }

    @Override
    public List<Fill> allFills() {
        return db.read("read fills", OrderTables::allFills);
    }

    @Override
    public long orderCount() {
        return db.read("count orders", c -> Queries.single(c, "SELECT count(*) FROM orders"));
    }

    @Override
    public void saveAccountSnapshot(AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        db.write("save account snapshot", c -> {
            SnapshotTables.saveAccountSnapshot(c, snapshot);
            return null;
        });
    }

    @Override
    public Optional<AccountSnapshot> latestAccountSnapshot() {
        return db.read("read account snapshot", SnapshotTables::latestAccountSnapshot);
    }

    @Override
    public List<EquityPoint> equityHistory(int maxPoints) {
        return db.read("read equity history", c -> SnapshotTables.equityHistory(c, maxPoints));
    }

    @Override
    public void recordTick(TickRecord tick) {
        Objects.requireNonNull(tick, "tick");
        db.write("record tick", c -> {
            SnapshotTables.recordTick(c, tick);
            return null;
        });
    }

    @Override
    public List<TickRecord> lastTicks() {
        return db.read("read last ticks", SnapshotTables::lastTicks);
    }

    /** One row per currency; an empty snapshot writes nothing. */
    @Override
    public void saveBalanceSnapshot(BalanceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        db.write("save balance snapshot", c -> {
            AccountTables.saveBalanceSnapshot(c, snapshot);
            return null;
        });
    }

    /** One row per position; an empty list writes nothing (store zero quantities to record "flat"). */
    @Override
    public void savePositionsSnapshot(List<Position> positions, Instant time) {
        List<Position> rows = List.copyOf(positions);
        Objects.requireNonNull(time, "time");
        db.write("save positions snapshot", c -> {
            AccountTables.savePositionsSnapshot(c, rows, time);
            return null;
        });
    }

    @Override
    public void saveRiskDecision(RiskDecisionRecord decision) {
        Objects.requireNonNull(decision, "decision");
        db.write("save risk decision", c -> {
            journal.saveRiskDecision(c, decision);
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @param symbol stored as given; may be null for account-wide decisions
     * @throws IllegalArgumentException for kind {@code risk}, which is reserved for {@link
     *     #saveRiskDecision}
     */
    @Override
    public void saveDecisionEvent(
            String kind, String symbol, String decision, String reason, Map<String, ?> details, Instant time) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(time, "time");
        if (JournalTables.RISK_KIND.equals(kind)) {
            throw new IllegalArgumentException("kind 'risk' is reserved for risk verdicts (saveRiskDecision)");
        }
        db.write("save decision", c -> {
            journal.saveDecisionEvent(c, kind, symbol, decision, reason, details, time);
            return null;
        });
    }

    @Override
    public List<RiskDecisionRecord> recentRiskDecisions(int limit) {
        Queries.requireLimit(limit, 0);
        return db.read("read risk decisions", c -> journal.recentRiskDecisions(c, limit));
    }

    @Override
    public List<DecisionEntry> recentDecisions(String kind, io.cointrader.core.Symbol symbol, int limit) {
        Queries.requireLimit(limit, 0);
        return db.read("read decisions", c -> journal.recentDecisions(c, kind, symbol, limit));
    }

    @Override
    public void saveSafetyEvent(SafetyEvent event) {
        Objects.requireNonNull(event, "event");
        db.write("save safety event", c -> {
            journal.saveSafetyEvent(c, event);
            return null;
        });
    }

    @Override
    public List<SafetyEvent> recentSafetyEvents(int limit) {
        Queries.requireLimit(limit, 0);
        return db.read("read safety events", c -> journal.recentSafetyEvents(c, limit));
    }

    @Override
    public Optional<BigDecimal> dayStartEquity(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return db.read("read day-start equity", c -> AccountTables.dayStartEquity(c, day));
    }

    @Override
    public BigDecimal recordDayStartEquity(LocalDate day, BigDecimal equity, Instant at) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(at, "at");
        return db.write("save day-start equity", c -> AccountTables.recordDayStartEquity(c, day, equity, at));
    }

    @Override
    public Optional<BigDecimal> firstDayStartEquity() {
        return db.read("read first day-start equity", AccountTables::firstDayStartEquity);
    }

    @Override
    public Optional<String> meta(String key) {
        Objects.requireNonNull(key, "key");
        return db.read("read setting", c -> AccountTables.meta(c, key));
    }

    @Override
    public void putMeta(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        db.write("save setting", c -> {
            AccountTables.putMeta(c, key, value);
            return null;
        });
    }

    /** Closes every connection; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        db.close();
    }

    private static void createParentDirectories(Path dbFile) {
        Path parent = dbFile.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StateStoreException("could not create the state store directory", e);
        }
    }
}
