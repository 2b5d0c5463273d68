package io.cointrader.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Another connection to the trader's database file that takes the write lock ({@code BEGIN EXCLUSIVE},
 * which in WAL mode blocks every other writer but no reader) and holds it for a while, as a tool or a
 * second program might. The hold runs on a thread of its own: the trading thread meets the lock as it
 * would meet another process's.
 */
final class DatabaseLocker implements AutoCloseable {

    private final String url;
    private final ExecutorService holder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "soak-db-locker");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> current;

    DatabaseLocker(Path dbFile) {
        this.url = "jdbc:sqlite:" + dbFile.toAbsolutePath();
    }

    /** Takes the lock (returns once it is held) and lets it go after {@code hold} of real time. */
    void lockFor(Duration hold) throws InterruptedException {
        awaitReleased();
        CountDownLatch held = new CountDownLatch(1);
        current = holder.submit(() -> {
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 60000");
                statement.execute("BEGIN EXCLUSIVE");
                held.countDown();
                Thread.sleep(hold.toMillis());
                statement.execute("ROLLBACK");
            } catch (SQLException e) {
                throw new IllegalStateException("could not lock the database", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        while (!held.await(100, TimeUnit.MILLISECONDS)) {
            if (current.isDone()) {
                awaitReleased(); // rethrows what went wrong
                throw new IllegalStateException("the database lock ended before it was held");
            }
        }
    }

    /** Waits until the lock of the last {@link #lockFor} is let go. */
    void awaitReleased() throws InterruptedException {
        if (current == null) {
            return;
        }
        try {
            current.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the database locker failed", e.getCause());
        } finally {
            current = null;
        }
    }

    @Override
    public void close() {
        holder.shutdownNow();
    }
}
