package io.cointrader.state;

import static io.cointrader.state.Columns.enumOf;
import static io.cointrader.state.Columns.money;
import static io.cointrader.state.Columns.symbol;
import static io.cointrader.state.Columns.time;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** SQL for {@code order_intents}, {@code orders} and {@code fills}; callers own the transaction. */
final class OrderTables {

    private static final String INTENT_COLUMNS = "intent_id, client_order_id, strategy, symbol, side, order_type,"
            + " price, quantity, reason, emergency, state, created_at_ms, updated_at_ms";
    private static final String ORDER_COLUMNS = "client_order_id, exchange_order_id, intent_id, symbol, side,"
            + " order_type, price, quantity, filled_quantity, status, status_reason, created_at_ms, updated_at_ms";
    private static final String FILL_COLUMNS =
            "fill_id, client_order_id, symbol, side, price, quantity, fee, fee_currency, time_ms";

    private OrderTables() {}

    // --- intents -------------------------------------------------------------------------------

    /** Inserts the intent; false when its intent id or client order id is already taken. */
    static boolean insertIntent(Connection c, IntentRecord record) throws SQLException {
        OrderIntent i = record.intent();
        // ON CONFLICT DO NOTHING covers only uniqueness; unlike INSERT OR IGNORE it still fails on NULLs.
        String sql = "INSERT INTO order_intents (" + INTENT_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        int inserted = Queries.update(
                c,
                sql,
                i.intentId(),
                record.clientOrderId(),
                i.strategy(),
                i.symbol(),
                i.side(),
                i.type(),
                i.price(),
                i.quantity(),
                i.reason(),
                i.emergency(),
                record.state(),
                i.createdAt(),
                record.updatedAt());
        return inserted == 1;
    }

    static Optional<IntentRecord> findIntent(Connection c, String intentId) throws SQLException {
        String sql = "SELECT " + INTENT_COLUMNS + " FROM order_intents WHERE intent_id = ?";
        return Queries.first(c, sql, OrderTables::intent, intentId);
    }

    static Optional<IntentRecord> findIntentByClientOrderId(Connection c, String clientOrderId) throws SQLException {
        String sql = "SELECT " + INTENT_COLUMNS + " FROM order_intents WHERE client_order_id = ?";
        return Queries.first(c, sql, OrderTables::intent, clientOrderId);
    }

    /** Sets the state; returns the number of intents changed (0 when the id is unknown). */
    static int updateIntentState(Connection c, String intentId, IntentState state, Instant at) throws SQLException {
        String sql = "UPDATE order_intents SET state = ?, updated_at_ms = ? WHERE intent_id = ?";
        return Queries.update(c, sql, state, at, intentId);
    }

    static List<IntentRecord> intentsIn(Connection c, Collection<IntentState> states) throws SQLException {
        if (states.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(states.size(), "?"));
        String sql = "SELECT " + INTENT_COLUMNS + " FROM order_intents WHERE state IN (" + marks + ")"
                + " ORDER BY created_at_ms, intent_id";
        return Queries.list(c, sql, OrderTables::intent, states.toArray());
    }

    static int countSubmittedSince(Connection c, Instant since) throws SQLException {
        String sql = "SELECT count(*) FROM order_intents WHERE created_at_ms >= ? AND state <> ?";
        return Math.toIntExact(Queries.single(c, sql, since, IntentState.NOT_PLACED));
    }

    private static IntentRecord intent(ResultSet rs) throws SQLException {
        OrderIntent intent = new OrderIntent(
                rs.getString("intent_id"),
                rs.getString("strategy"),
                symbol(rs, "symbol"),
                enumOf(Side.class, rs, "side"),
                enumOf(OrderType.class, rs, "order_type"),
                money(rs, "price"),
                money(rs, "quantity"),
                rs.getString("reason"),
                time(rs, "created_at_ms"),
                rs.getInt("emergency") == 1);
        return new IntentRecord(
                intent,
                rs.getString("client_order_id"),
                enumOf(IntentState.class, rs, "state"),
                time(rs, "updated_at_ms"));
    }

    // --- orders --------------------------------------------------------------------------------

    /**
     * Inserts or updates the order. The creation time of the first write is kept, and a known exchange
     * order id is never overwritten by a missing one.
     */
    static void upsertOrder(Connection c, Order o) throws SQLException {
        String sql = "INSERT INTO orders (" + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (client_order_id) DO UPDATE SET"
                + " exchange_order_id = coalesce(excluded.exchange_order_id, orders.exchange_order_id),"
                + " intent_id = excluded.intent_id, symbol = excluded.symbol, side = excluded.side,"
                + " order_type = excluded.order_type, price = excluded.price, quantity = excluded.quantity,"
                + " filled_quantity = excluded.filled_quantity, status = excluded.status,"
                + " status_reason = excluded.status_reason, updated_at_ms = excluded.updated_at_ms";
        Queries.update(
                c,
                sql,
                o.clientOrderId(),
                o.exchangeOrderId(),
                o.intentId(),
                o.symbol(),
                o.side(),
                o.type(),
                o.price(),
                o.quantity(),
                o.filledQuantity(),
                o.status(),
                o.statusReason(),
                o.createdAt(),
                o.updatedAt());
    }

    static Optional<Order> findOrder(Connection c, String clientOrderId) throws SQLException {
        String sql = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE client_order_id = ?";
        return Queries.first(c, sql, OrderTables::order, clientOrderId);
    }

    static Optional<Order> latestOrder(Connection c, Symbol symbol, Side side) throws SQLException {
        String sql = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE symbol = ? AND side = ?"
                + " ORDER BY created_at_ms DESC, rowid DESC LIMIT 1";
        return Queries.first(c, sql, OrderTables::order, symbol, side);
    }

    static List<Order> openOrders(Connection c) throws SQLException {
        String sql = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE status IN (?, ?) ORDER BY created_at_ms, rowid";
        return Queries.list(c, sql, OrderTables::order, OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED);
    }

    static List<Order> recentOrders(Connection c, int limit, int offset) throws SQLException {
        String sql = "SELECT " + ORDER_COLUMNS + " FROM orders ORDER BY created_at_ms DESC, rowid DESC"
                + " LIMIT ? OFFSET ?";
        return Queries.list(c, sql, OrderTables::order, limit, offset);
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(
                rs.getString("client_order_id"),
                rs.getString("exchange_order_id"),
                rs.getString("intent_id"),
                symbol(rs, "symbol"),
                enumOf(Side.class, rs, "side"),
                enumOf(OrderType.class, rs, "order_type"),
                money(rs, "price"),
                money(rs, "quantity"),
                money(rs, "filled_quantity"),
                enumOf(OrderStatus.class, rs, "status"),
                rs.getString("status_reason"),
                time(rs, "created_at_ms"),
                time(rs, "updated_at_ms"));
    }

    // --- fills ---------------------------------------------------------------------------------

    /** Inserts the fill unless its fill id is already stored; true when it was new. */
    static boolean insertFill(Connection c, Fill f) throws SQLException {
        String sql = "INSERT INTO fills (" + FILL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (fill_id) DO NOTHING";
        return Queries.update(
                        c,
                        sql,
                        f.fillId(),
                        f.clientOrderId(),
                        f.symbol(),
                        f.side(),
                        f.price(),
                        f.quantity(),
                        f.fee(),
                        f.feeCurrency(),
                        f.time())
                == 1;
    }

    static List<Fill> allFills(Connection c) throws SQLException {
        String sql = "SELECT " + FILL_COLUMNS + " FROM fills ORDER BY time_ms, rowid";
        return Queries.list(c, sql, OrderTables::fill);
    }

    private static Fill fill(ResultSet rs) throws SQLException {
        return new Fill(
                rs.getString("fill_id"),
                rs.getString("client_order_id"),
                symbol(rs, "symbol"),
                enumOf(Side.class, rs, "side"),
                money(rs, "price"),
                money(rs, "quantity"),
                money(rs, "fee"),
                rs.getString("fee_currency"),
                time(rs, "time_ms"));
    }
}
