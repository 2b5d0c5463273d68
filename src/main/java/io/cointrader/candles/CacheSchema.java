package io.cointrader.candles;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Tables of the candle cache. Prices and volumes are TEXT holding the exact decimal ({@link
 * java.math.BigDecimal#toPlainString()}), so a value reads back equal, scale included; times are epoch
 * seconds (UTC). {@code fetched_ranges} holds the spans whose candles were all downloaded, merged so
 * that they never overlap or touch: inside them a missing candle is a real gap (nothing traded).
 */
final class CacheSchema {

    static final int VERSION = 1;

    private static final String[] CREATE = {
        """
        CREATE TABLE IF NOT EXISTS candles (
            market TEXT NOT NULL,
            interval_minutes INTEGER NOT NULL,
            open_time INTEGER NOT NULL,
            open TEXT NOT NULL,
            high TEXT NOT NULL,
            low TEXT NOT NULL,
            close TEXT NOT NULL,
            volume TEXT NOT NULL,
            PRIMARY KEY (market, interval_minutes, open_time)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS fetched_ranges (
            market TEXT NOT NULL,
            interval_minutes INTEGER NOT NULL,
            from_time INTEGER NOT NULL,
            to_time INTEGER NOT NULL,
            PRIMARY KEY (market, interval_minutes, from_time)
        ) WITHOUT ROWID"""
    };

    private CacheSchema() {}

    /** Turns on WAL, then creates the tables of a new file or checks the version of an existing one. */
    static void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String mode = single(statement, "PRAGMA journal_mode=WAL");
            if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
                throw new SQLException("WAL journal mode is not available for this file");
            }
            int version = Integer.parseInt(single(statement, "PRAGMA user_version"));
            if (version > VERSION) {
                throw new SQLException("the file was written by a newer version (schema " + version + ")");
            }
            if (version == 0 && hasOtherTables(statement)) {
                throw new SQLException("the file is another SQLite database, not a candle cache");
            }
            for (String sql : CREATE) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version=" + VERSION);
        }
    }

    private static boolean hasOtherTables(Statement statement) throws SQLException {
        String count = single(
                statement,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT IN ('candles', 'fetched_ranges')");
        return !"0".equals(count);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
