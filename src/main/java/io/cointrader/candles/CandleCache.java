package io.cointrader.candles;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A local SQLite file of downloaded candles, keyed by market code ({@code KRW-BTC}), interval in
 * minutes and open time. Values are stored as exact decimal text, so a candle reads back equal to the
 * one stored.
 *
 * <p>Storing a candle whose open time is already present <b>replaces</b> it: the newer download wins.
 * Two downloads of a closed candle agree, and when they do not, the later one was taken with more of
 * the interval behind it (a candle stored while its interval was still open is incomplete).
 *
 * <p>Besides the candles the cache remembers which spans were downloaded completely ({@link
 * #store(Symbol, int, List, TimeRange)}), so that a download can ask only for what is {@link
 * #missing missing} and tell a real gap (no trade in that interval) from a span never fetched.
 *
 * <p>One connection in WAL mode with a busy timeout, so another process may read the file while a
 * download writes it. Thread-safe: calls are serialised.
 */
public final class CandleCache implements AutoCloseable {

    static final int BUSY_TIMEOUT_MS = 10_000;

    private static final String COLUMNS = "open_time, open, high, low, close, volume";
    private static final String KEY = " WHERE market = ? AND interval_minutes = ?";
    private static final String SPAN = KEY + " AND open_time >= ? AND open_time < ?";

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private CandleCache(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the cache file, creating it and its directory when absent.
     *
     * @throws CandleCacheException when the file cannot be created or is not a candle cache
     */
    public static CandleCache open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path dir = absolute.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new CandleCacheException("could not create the directory of the candle cache " + absolute, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // re-downloadable data: losing the last commits to a power cut costs a rerun, not money
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
            CacheSchema.prepare(connection);
            return new CandleCache(absolute, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new CandleCacheException(
                    "could not open the candle cache " + absolute + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The file, absolute. */
    public Path file() {
        return file;
    }

    /** Stores {@code candles} (any order) in one transaction; existing ones with the same open time are replaced. */
    public void store(Symbol symbol, int intervalMinutes, List<Candle> candles) {
        write(symbol, intervalMinutes, candles, null);
    }

    /**
     * Stores {@code candles} and records that they are <em>every</em> candle of {@code fetched}: a later
     * {@link #missing} leaves that span out. One transaction, so the record never claims candles that
     * were not stored.
     *
     * @throws IllegalArgumentException when a candle opens outside {@code fetched}
     */
    public void store(Symbol symbol, int intervalMinutes, List<Candle> candles, TimeRange fetched) {
        Objects.requireNonNull(fetched, "fetched");
        for (Candle candle : candles) {
            if (!fetched.contains(candle.openTime())) {
                throw new IllegalArgumentException(
                        "candle at " + candle.openTime() + " lies outside the fetched range " + fetched);
            }
        }
        write(symbol, intervalMinutes, candles, fetched);
    }

    /** Candles with {@code fromInclusive <= openTime < toExclusive}, oldest first. */
    public synchronized List<Candle> read(
            Symbol symbol, int intervalMinutes, Instant fromInclusive, Instant toExclusive) {
        requireInterval(intervalMinutes);
        List<Candle> out = new ArrayList<>();
        try (PreparedStatement select = prepare("SELECT " + COLUMNS + " FROM candles" + SPAN + " ORDER BY open_time")) {
            bindSpan(select, symbol, intervalMinutes, fromInclusive, toExclusive);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(candle(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return out;
    }

    /** Count and first/last open time of the candles in {@code [fromInclusive, toExclusive)}; empty when none. */
    public synchronized Optional<CachedRange> cached(
            Symbol symbol, int intervalMinutes, Instant fromInclusive, Instant toExclusive) {
        requireInterval(intervalMinutes);
        try (PreparedStatement select =
                prepare("SELECT COUNT(*), MIN(open_time), MAX(open_time) FROM candles" + SPAN)) {
            bindSpan(select, symbol, intervalMinutes, fromInclusive, toExclusive);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return Optional.empty();
                }
                return Optional.of(new CachedRange(
                        rs.getLong(1), Instant.ofEpochSecond(rs.getLong(2)), Instant.ofEpochSecond(rs.getLong(3))));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Open time of the oldest stored candle of this market and interval. */
    public Optional<Instant> oldest(Symbol symbol, int intervalMinutes) {
        return cached(symbol, intervalMinutes, Instant.MIN, Instant.MAX).map(CachedRange::first);
    }

    /** Open time of the newest stored candle of this market and interval. */
    public Optional<Instant> newest(Symbol symbol, int intervalMinutes) {
        return cached(symbol, intervalMinutes, Instant.MIN, Instant.MAX).map(CachedRange::last);
    }

    /** The parts of {@code wanted} not yet downloaded completely, oldest first; empty when all is here. */
    public synchronized List<TimeRange> missing(Symbol symbol, int intervalMinutes, TimeRange wanted) {
        requireInterval(intervalMinutes);
        try {
            List<TimeRange> fetched = FetchedRanges.overlapping(
                    connection,
                    symbol.marketCode(),
                    intervalMinutes,
                    wanted.from().getEpochSecond(),
                    ceilSeconds(wanted.to()));
            return FetchedRanges.missing(wanted, fetched);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    private synchronized void write(Symbol symbol, int intervalMinutes, List<Candle> candles, TimeRange fetched) {
        requireInterval(intervalMinutes);
        for (Candle candle : candles) {
            if (candle.openTime().getNano() != 0) {
                throw new IllegalArgumentException("candle open time must be whole seconds: " + candle.openTime());
            }
        }
        String market = symbol.marketCode();
        try {
            execute("BEGIN IMMEDIATE");
            try {
                upsert(market, intervalMinutes, candles);
                if (fetched != null) {
                    FetchedRanges.add(
                            connection,
                            market,
                            intervalMinutes,
                            fetched.from().getEpochSecond(),
                            ceilSeconds(fetched.to()));
                }
                execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void upsert(String market, int intervalMinutes, List<Candle> candles) throws SQLException {
        try (PreparedStatement insert = prepare("INSERT INTO candles (market, interval_minutes, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (market, interval_minutes, open_time) DO UPDATE"
                + " SET open = excluded.open, high = excluded.high, low = excluded.low,"
                + " close = excluded.close, volume = excluded.volume")) {
            for (Candle c : candles) {
                insert.setString(1, market);
                insert.setInt(2, intervalMinutes);
                insert.setLong(3, c.openTime().getEpochSecond());
                insert.setString(4, c.open().toPlainString());
                insert.setString(5, c.high().toPlainString());
                insert.setString(6, c.low().toPlainString());
                insert.setString(7, c.close().toPlainString());
                insert.setString(8, c.volume().toPlainString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Candle candle(ResultSet rs) throws SQLException {
        return new Candle(
                Instant.ofEpochSecond(rs.getLong(1)),
                new BigDecimal(rs.getString(2)),
                new BigDecimal(rs.getString(3)),
                new BigDecimal(rs.getString(4)),
                new BigDecimal(rs.getString(5)),
                new BigDecimal(rs.getString(6)));
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        if (closed) {
            throw new IllegalStateException("the candle cache is closed");
        }
        return connection.prepareStatement(sql);
    }

    private void bindSpan(PreparedStatement statement, Symbol symbol, int intervalMinutes, Instant from, Instant to)
            throws SQLException {
        statement.setString(1, symbol.marketCode());
        statement.setInt(2, intervalMinutes);
        statement.setLong(3, ceilSeconds(from));
        statement.setLong(4, ceilSeconds(to));
    }

    /** Open times are whole seconds: {@code t >= x} and {@code t < x} hold for the same t as with ceil(x). */
    private static long ceilSeconds(Instant time) {
        return time.getNano() == 0 ? time.getEpochSecond() : time.getEpochSecond() + 1;
    }

    private static void requireInterval(int intervalMinutes) {
        if (intervalMinutes <= 0) {
            throw new IllegalArgumentException("interval must be a positive number of minutes, got " + intervalMinutes);
        }
    }

    private void execute(String sql) throws SQLException {
        if (closed) {
            throw new IllegalStateException("the candle cache is closed");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly(Exception failure) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back on its own (e.g. after an I/O error)
            failure.addSuppressed(e);
        }
    }

    private CandleCacheException failure(String what, SQLException e) {
        return new CandleCacheException(
                "could not " + what + " the candle cache " + file + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown SQLite error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // best effort: every write was already committed or rolled back
        }
    }
}
