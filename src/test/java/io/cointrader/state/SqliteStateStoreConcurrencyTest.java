package io.cointrader.state;

import static io.cointrader.state.StateFixtures.T0;
import static io.cointrader.state.StateFixtures.count;
import static io.cointrader.state.StateFixtures.fill;
import static io.cointrader.state.StateFixtures.order;
import static io.cointrader.state.StateFixtures.rawConnection;
import static io.cointrader.state.StateFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.core.OrderStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers, in this process or another, never make a write fail. */
class SqliteStateStoreConcurrencyTest {

    private static final int WRITES = 2_000;
    private static final int WRITER_THREADS = 2;

    @TempDir
    Path dir;

    private Path file;
    private SqliteStateStore store;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeEach
    void openStore() {
        file = dir.resolve("state.db");
        store = SqliteStateStore.open(file);
    }

    @AfterEach
    void closeStore() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        store.close();
    }

    @Test
    void twoThousandWritesSucceedWhileReadersHoldLongTransactions() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersRunning = new CountDownLatch(2);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger longReads = new AtomicInteger();
        AtomicInteger storeReads = new AtomicInteger();

        try (Connection held = rawConnection(file)) {
            held.setAutoCommit(false);
            long eventsBefore = count(held, "SELECT count(*) FROM events"); // starts the read transaction

            Future<?> rawReader = threads.submit(() -> readInLongTransactions(writing, readersRunning, longReads));
            Future<?> storeReader = threads.submit(() -> readThroughTheStore(writing, readersRunning, storeReads));
            assertThat(readersRunning.await(30, TimeUnit.SECONDS)).isTrue();

            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITER_THREADS; w++) {
                int writer = w;
                writers.add(threads.submit(() -> write(writer, failures)));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            rawReader.get(1, TimeUnit.MINUTES);
            storeReader.get(1, TimeUnit.MINUTES);

            assertThat(count(held, "SELECT count(*) FROM events")).isEqualTo(eventsBefore);
            held.commit();
        }

        assertThat(failures).isEmpty();
        assertThat(longReads.get()).isPositive();
        assertThat(storeReads.get()).isPositive();
        int perWriter = WRITES / WRITER_THREADS / 2;
        try (Connection c = rawConnection(file)) {
            assertThat(count(c, "SELECT count(*) FROM order_intents WHERE state = 'PLACED'"))
                    .isEqualTo(WRITES / 2);
            assertThat(count(c, "SELECT count(*) FROM orders")).isEqualTo(WRITES / 2);
            assertThat(count(c, "SELECT count(*) FROM fills")).isEqualTo(WRITES / 2);
        }
        assertThat(store.findIntent("w1-" + (perWriter - 1))).isPresent();
        assertThat(store.countSubmittedIntentsSince(T0)).isEqualTo(WRITES / 2);
    }

    @Test
    void readerInAnotherProcessHoldingATransactionDoesNotBlockWrites() throws Exception {
        store.appendEvent("before", Map.of(), T0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process reader = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReaderProcess.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(lineStartingWith(out, "SNAPSHOT")).isEqualTo("SNAPSHOT 1");

            for (int i = 0; i < WRITES; i++) {
                store.appendEvent("write", Map.of("i", i), T0.plusMillis(i));
            }
            in.write("go on\n");
            in.flush();

            assertThat(lineStartingWith(out, "SNAPSHOT")).isEqualTo("SNAPSHOT 1");
            assertThat(lineStartingWith(out, "AFTER")).isEqualTo("AFTER " + (WRITES + 1));
            assertThat(reader.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(reader.exitValue()).isZero();
        } finally {
            reader.destroyForcibly();
        }
        assertThat(store.recentEvents("write", WRITES + 10)).hasSize(WRITES);
    }

    private void write(int writer, Queue<Throwable> failures) {
        for (int i = 0; i < WRITES / WRITER_THREADS / 2; i++) {
            String intentId = "w" + writer + "-" + i;
            try {
                store.insertIntent(record(intentId, T0.plusMillis(i)));
                String clientOrderId = "coid-" + intentId;
                store.recordOrderUpdate(
                        order(clientOrderId, intentId, OrderStatus.FILLED, T0.plusMillis(i)),
                        List.of(fill("f-" + intentId, clientOrderId, T0.plusMillis(i))),
                        IntentState.PLACED);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }

    /** Like a dashboard page: several statements in one read transaction, kept open a while. */
    private Void readInLongTransactions(AtomicBoolean writing, CountDownLatch running, AtomicInteger reads)
            throws SQLException {
        try (Connection c = rawConnection(file)) {
            c.setAutoCommit(false);
            do {
                long intents = count(c, "SELECT count(*) FROM order_intents");
                for (int i = 0; i < 20; i++) {
                    count(c, "SELECT count(*) FROM fills");
                    count(c, "SELECT count(*) FROM orders WHERE status = 'FILLED'");
                }
                if (count(c, "SELECT count(*) FROM order_intents") != intents) {
                    throw new AssertionError("the snapshot moved inside one read transaction");
                }
                c.commit();
                if (reads.incrementAndGet() == 1) {
                    running.countDown();
                }
            } while (writing.get());
        }
        return null;
    }

    private Void readThroughTheStore(AtomicBoolean writing, CountDownLatch running, AtomicInteger reads) {
        do {
            store.openOrders();
            store.countSubmittedIntentsSince(T0);
            store.recentOrders(50, 0);
            if (reads.incrementAndGet() == 1) {
                running.countDown();
            }
        } while (writing.get());
        return null;
    }

    private static String lineStartingWith(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return "<reader process ended>";
    }
}
