package io.cointrader.candles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fetched_ranges} table: spans of one market and interval whose candles were downloaded
 * completely. Kept merged, so a market and interval has a few disjoint rows, never overlapping ones.
 */
final class FetchedRanges {

    private static final String TOUCHING =
            " WHERE market = ? AND interval_minutes = ? AND to_time >= ? AND from_time <= ?";

    private FetchedRanges() {}

    /** Adds {@code [from, to)}, merged with every range it overlaps or touches; in the caller's transaction. */
    static void add(Connection connection, String market, int intervalMinutes, long from, long to) throws SQLException {
        long lo = from;
        long hi = to;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT MIN(from_time), MAX(to_time) FROM fetched_ranges" + TOUCHING)) {
            bind(select, market, intervalMinutes, from, to);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    lo = Math.min(lo, rs.getLong(1));
                    hi = Math.max(hi, rs.getLong(2));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM fetched_ranges" + TOUCHING)) {
            bind(delete, market, intervalMinutes, from, to);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fetched_ranges (market, interval_minutes, from_time, to_time) VALUES (?, ?, ?, ?)")) {
            bind(insert, market, intervalMinutes, lo, hi);
            insert.executeUpdate();
        }
    }

    /** The fetched ranges that share time with {@code [from, to)}, oldest first, not clipped. */
    static List<TimeRange> overlapping(Connection connection, String market, int intervalMinutes, long from, long to)
            throws SQLException {
        List<TimeRange> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT from_time, to_time FROM fetched_ranges"
                + " WHERE market = ? AND interval_minutes = ? AND to_time > ? AND from_time < ?"
                + " ORDER BY from_time")) {
            bind(select, market, intervalMinutes, from, to);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new TimeRange(Instant.ofEpochSecond(rs.getLong(1)), Instant.ofEpochSecond(rs.getLong(2))));
                }
            }
        }
        return out;
    }

    /** The parts of {@code wanted} that no range of {@code fetched} (sorted by start) covers, oldest first. */
    static List<TimeRange> missing(TimeRange wanted, List<TimeRange> fetched) {
        List<TimeRange> out = new ArrayList<>();
        Instant cursor = wanted.from();
        for (TimeRange range : fetched) {
            if (!cursor.isBefore(wanted.to())) {
                break;
            }
            if (range.from().isAfter(cursor)) {
                Instant end = range.from().isBefore(wanted.to()) ? range.from() : wanted.to();
                out.add(new TimeRange(cursor, end));
            }
            if (range.to().isAfter(cursor)) {
                cursor = range.to();
            }
        }
        if (cursor.isBefore(wanted.to())) {
            out.add(new TimeRange(cursor, wanted.to()));
        }
        return out;
    }

    private static void bind(PreparedStatement statement, String market, int intervalMinutes, long a, long b)
            throws SQLException {
        statement.setString(1, market);
        statement.setInt(2, intervalMinutes);
        statement.setLong(3, a);
        statement.setLong(4, b);
    }
}
