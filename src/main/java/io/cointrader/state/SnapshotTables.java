package io.cointrader.state;

import static io.cointrader.state.Columns.money;
import static io.cointrader.state.Columns.symbol;
import static io.cointrader.state.Columns.time;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the linked account snapshots, the equity history and the newest tick of every symbol. */
final class SnapshotTables {

    private SnapshotTables() {}

    static void saveAccountSnapshot(Connection c, AccountSnapshot s) throws SQLException {
        Queries.update(c, "INSERT INTO account_snapshots (time_ms, equity) VALUES (?, ?)", s.time(), s.equity());
        long id = Queries.single(c, "SELECT last_insert_rowid()");
        String balance = "INSERT INTO balances_snapshot (time_ms, currency, free, locked, snapshot_id)"
                + " VALUES (?, ?, ?, ?, ?)";
        for (Balance b : s.balances().balances().values()) {
            Queries.update(c, balance, s.balances().time(), b.currency(), b.free(), b.locked(), id);
        }
        String position = "INSERT INTO positions_snapshot (time_ms, symbol, quantity, average_price, snapshot_id)"
                + " VALUES (?, ?, ?, ?, ?)";
        for (Position p : s.positions()) {
            Queries.update(c, position, s.time(), p.symbol(), p.quantity(), p.averagePrice(), id);
        }
    }

    private record Head(long id, java.time.Instant time, java.math.BigDecimal equity) {}

    static Optional<AccountSnapshot> latestAccountSnapshot(Connection c) throws SQLException {
        String sql = "SELECT id, time_ms, equity FROM account_snapshots ORDER BY id DESC LIMIT 1";
        Optional<Head> head =
                Queries.first(c, sql, rs -> new Head(rs.getLong("id"), time(rs, "time_ms"), money(rs, "equity")));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long id = head.get().id();
        Map<String, Balance> balances = new LinkedHashMap<>();
        String balanceSql = "SELECT currency, free, locked FROM balances_snapshot WHERE snapshot_id = ? ORDER BY id";
        for (Balance b : Queries.list(c, balanceSql, SnapshotTables::balance, id)) {
            balances.put(b.currency(), b);
        }
        String positionSql =
                "SELECT symbol, quantity, average_price FROM positions_snapshot WHERE snapshot_id = ?" + " ORDER BY id";
        List<Position> positions = Queries.list(c, positionSql, SnapshotTables::position, id);
        Head h = head.get();
        return Optional.of(
                new AccountSnapshot(new BalanceSnapshot(balances, h.time()), positions, h.equity(), h.time()));
    }

    /**
     * Thins by time buckets: the last snapshot of each of about {@code maxPoints} equal spans between
     * the first and the last snapshot, so the newest snapshot is always in the result.
     */
    static List<EquityPoint> equityHistory(Connection c, int maxPoints) throws SQLException {
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive");
        }
        Optional<long[]> range =
                Queries.first(c, "SELECT min(time_ms), max(time_ms), count(*) FROM account_snapshots", rs ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        if (range.isEmpty() || range.get()[2] == 0) {
            return List.of();
        }
        long first = range.get()[0];
        long span = range.get()[1] - first;
        long bucket = Math.max(1, (span + maxPoints - 1) / maxPoints);
        String sql = "SELECT time_ms, equity FROM account_snapshots WHERE id IN"
                + " (SELECT max(id) FROM account_snapshots GROUP BY (time_ms - ?) / ?) ORDER BY time_ms, id";
        List<EquityPoint> points =
                Queries.list(c, sql, rs -> new EquityPoint(time(rs, "time_ms"), money(rs, "equity")), first, bucket);
        return new ArrayList<>(points);
    }

    static void recordTick(Connection c, TickRecord t) throws SQLException {
        String sql = "INSERT INTO last_ticks (symbol, time_ms, wall_time_ms, action, price, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET time_ms = excluded.time_ms,"
                + " wall_time_ms = excluded.wall_time_ms, action = excluded.action, price = excluded.price,"
                + " detail = excluded.detail";
        Queries.update(c, sql, t.symbol(), t.time(), t.wallTime(), t.action(), t.price(), t.detail());
    }

    static List<TickRecord> lastTicks(Connection c) throws SQLException {
        String sql = "SELECT symbol, time_ms, wall_time_ms, action, price, detail FROM last_ticks ORDER BY symbol";
        return Queries.list(
                c,
                sql,
                rs -> new TickRecord(
                        symbol(rs, "symbol"),
                        time(rs, "time_ms"),
                        time(rs, "wall_time_ms"),
                        rs.getString("action"),
                        money(rs, "price"),
                        rs.getString("detail")));
    }

    private static Balance balance(ResultSet rs) throws SQLException {
        return new Balance(rs.getString("currency"), money(rs, "free"), money(rs, "locked"));
    }

    private static Position position(ResultSet rs) throws SQLException {
        return new Position(symbol(rs, "symbol"), money(rs, "quantity"), money(rs, "average_price"));
    }
}
