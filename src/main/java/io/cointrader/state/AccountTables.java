package io.cointrader.state;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for the account's bookkeeping: snapshots, day-start equity and the meta settings. */
final class AccountTables {

    private AccountTables() {}

    static void saveBalanceSnapshot(Connection c, BalanceSnapshot snapshot) throws SQLException {
        String sql = "INSERT INTO balances_snapshot (time_ms, currency, free, locked) VALUES (?, ?, ?, ?)";
        for (Balance b : snapshot.balances().values()) {
            Queries.update(c, sql, snapshot.time(), b.currency(), b.free(), b.locked());
        }
    }

    static void savePositionsSnapshot(Connection c, List<Position> positions, Instant time) throws SQLException {
        String sql = "INSERT INTO positions_snapshot (time_ms, symbol, quantity, average_price) VALUES (?, ?, ?, ?)";
        for (Position p : positions) {
            Queries.update(c, sql, time, p.symbol(), p.quantity(), p.averagePrice());
        }
    }

    static Optional<BigDecimal> dayStartEquity(Connection c, LocalDate day) throws SQLException {
        String sql = "SELECT equity FROM day_start_equity WHERE day = ?";
        return Queries.first(c, sql, rs -> Columns.money(rs, "equity"), day);
    }

    /** Inserts unless the day already has a value; returns the value stored afterwards. */
    static BigDecimal recordDayStartEquity(Connection c, LocalDate day, BigDecimal equity, Instant at)
            throws SQLException {
        String sql = "INSERT INTO day_start_equity (day, equity, recorded_at_ms) VALUES (?, ?, ?)"
                + " ON CONFLICT (day) DO NOTHING";
        Queries.update(c, sql, day, equity, at);
        return dayStartEquity(c, day).orElseThrow();
    }

    static Optional<BigDecimal> firstDayStartEquity(Connection c) throws SQLException {
        String sql = "SELECT equity FROM day_start_equity ORDER BY day LIMIT 1";
        return Queries.first(c, sql, rs -> Columns.money(rs, "equity"));
    }

    static Optional<String> meta(Connection c, String key) throws SQLException {
        return Queries.first(c, "SELECT value FROM meta WHERE key = ?", rs -> rs.getString("value"), key);
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        String sql =
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        Queries.update(c, sql, key, value);
    }
}
