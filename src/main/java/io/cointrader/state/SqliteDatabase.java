package io.cointrader.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file: a single write connection, used under a lock so that writes are
 * serialised and each unit of work is one {@code BEGIN IMMEDIATE} transaction, and a small pool of
 * read-only connections for reads.
 *
 * <p>In WAL mode readers see a snapshot and never block the writer, so a long read (another thread, or
 * another process such as the dashboard) cannot make a write fail. Writes begin with {@code BEGIN
 * IMMEDIATE} so that the write lock is taken up front: a deferred transaction that read first could
 * otherwise fail with {@code SQLITE_BUSY_SNAPSHOT} when it tries to upgrade. Another process writing
 * at the same moment is waited for up to the busy timeout.
 *
 * <p>Thread-safe.
 */
final class SqliteDatabase implements AutoCloseable {

    /** Unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int MAX_IDLE_READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private boolean closed; // guarded by idleReaders

    private SqliteDatabase(String url, Connection writer) {
        this.url = url;
        this.writer = writer;
    }

    /** Opens (creating when absent) the database file and its write connection. */
    static SqliteDatabase open(Path dbFile, Durability durability) {
        String url = "jdbc:sqlite:" + dbFile.toAbsolutePath();
        try {
            Connection writer = writerConfig(durability).createConnection(url);
            try {
                requireWal(writer);
            } catch (SQLException | RuntimeException e) {
                writer.close();
                throw e;
            }
            return new SqliteDatabase(url, writer);
        } catch (SQLException e) {
            throw new StateStoreException("could not open state store", e);
        }
    }

    /** Runs {@code work} as one write transaction; rolls back and throws when it fails. */
    <T> T write(String operation, Work<T> work) {
        writeLock.lock();
        try {
            requireOpen();
            execute(writer, "BEGIN IMMEDIATE");
            try {
                T result = work.run(writer);
                execute(writer, "COMMIT");
                return result;
            } catch (Throwable failure) {
                // Errors too: a transaction left open would make every later BEGIN fail.
                rollbackQuietly(failure);
                throw failure;
            }
        } catch (SQLException e) {
            throw new StateStoreException("could not " + operation, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a read-only connection (each statement sees a consistent snapshot). */
    <T> T read(String operation, Work<T> work) {
        Connection reader = null;
        try {
            reader = borrowReader();
            return work.run(reader);
        } catch (SQLException e) {
            throw new StateStoreException("could not " + operation, e);
        } finally {
            if (reader != null) {
                giveBack(reader);
            }
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (idleReaders) {
                if (closed) {
                    return;
                }
                closed = true;
                idleReaders.forEach(SqliteDatabase::closeQuietly);
                idleReaders.clear();
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection borrowReader() throws SQLException {
        synchronized (idleReaders) {
            requireOpen();
            Connection idle = idleReaders.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        return readerConfig().createConnection(url);
    }

    private void giveBack(Connection reader) {
        synchronized (idleReaders) {
            if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
                idleReaders.addFirst(reader);
                return;
            }
        }
        closeQuietly(reader);
    }

    private void requireOpen() {
        synchronized (idleReaders) {
            if (closed) {
                throw new IllegalStateException("the state store is closed");
            }
        }
    }

    private void rollbackQuietly(Throwable failure) {
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back on its own (e.g. after an I/O error).
            failure.addSuppressed(e);
        }
    }

    private static void requireWal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            String mode = rs.next() ? rs.getString(1) : "";
            if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
                throw new SQLException("WAL journal mode is not available for this database file");
            }
        }
    }

    private static SQLiteConfig writerConfig(Durability durability) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // Live orders are money: a committed write-ahead intent must survive a power loss.
        config.setSynchronous(
                durability == Durability.POWER_LOSS_SAFE
                        ? SQLiteConfig.SynchronousMode.FULL
                        : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        return config;
    }

    private static SQLiteConfig readerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        return config;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is best effort: the data is already committed or rolled back.
        }
    }
}
