package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock within this process and against another process. */
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void firstAcquireCreatesTheLockFileBesideTheDatabaseAndASecondOneIsRefused() throws IOException {
        Path db = dir.resolve("data").resolve("trader.db");

        try (RunLock lock = RunLock.tryAcquire(db).orElseThrow()) {
            assertThat(lock).isNotNull();
            assertThat(RunLock.pathFor(db)).isEqualTo(dir.resolve("data").resolve("trader.db.lock"));
            assertThat(RunLock.pathFor(db)).exists();
            assertThat(RunLock.tryAcquire(db)).isEmpty();
        }
        try (RunLock again = RunLock.tryAcquire(db).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void probeFindsNoOtherHolderWithoutALockFileAndCreatesNone() throws IOException {
        Path db = dir.resolve("trader.db");

        assertThat(RunLock.heldElsewhere(db)).isFalse();
        assertThat(RunLock.pathFor(db)).doesNotExist();
    }

    @Test
    void probeFindsNoOtherHolderWhenThisProcessHoldsTheLock() throws IOException {
        Path db = dir.resolve("trader.db");

        try (RunLock lock = RunLock.tryAcquire(db).orElseThrow()) {
            assertThat(RunLock.heldElsewhere(db)).isFalse();
            assertThat(RunLock.tryAcquire(db)).isEmpty();
        }
    }

    @Test
    void probeOfAFreeLockLeavesItFree() throws IOException {
        Path db = dir.resolve("trader.db");
        RunLock.tryAcquire(db).orElseThrow().close();

        assertThat(RunLock.heldElsewhere(db)).isFalse();
        assertThat(RunLock.heldElsewhere(db)).isFalse();
        Optional<RunLock> lock = RunLock.tryAcquire(db);
        assertThat(lock).isPresent();
        lock.get().close();
    }

    @Test
    void lockHeldByAnotherProcessIsSeenAndRefusedUntilThatProcessEnds() throws Exception {
        Path db = dir.resolve("trader.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), db.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("LOCKED");

            assertThat(RunLock.heldElsewhere(db)).isTrue();
            assertThat(RunLock.tryAcquire(db)).isEmpty();

            in.write("release\n");
            in.flush();
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(holder.exitValue()).isZero();
        } finally {
            holder.destroyForcibly();
        }
        assertThat(RunLock.heldElsewhere(db)).isFalse();
        assertThat(Files.exists(RunLock.pathFor(db))).isTrue();
        try (RunLock lock = RunLock.tryAcquire(db).orElseThrow()) {
            assertThat(lock).isNotNull();
        }
    }

    /** Another process: takes the lock, says so, and holds it until a line arrives on its input. */
    static final class Holder {
        public static void main(String[] args) throws IOException {
            try (RunLock lock = RunLock.tryAcquire(Path.of(args[0])).orElseThrow()) {
                System.out.println("LOCKED");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}
