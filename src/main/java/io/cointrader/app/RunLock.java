package io.cointrader.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive OS lock next to the database, held while a process trades on it. Two traders on one
 * account could place the same order twice, so a second one refuses to start. The OS releases the lock
 * when the process dies, even on kill -9.
 */
final class RunLock implements AutoCloseable {

    private static final int ACQUIRE_ATTEMPTS = 3;
    private static final long ACQUIRE_RETRY_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path pathFor(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".lock");
    }

    /** The lock, or empty when another process holds it (after a few short retries). */
    static Optional<RunLock> tryAcquire(Path dbFile) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Optional<RunLock> lock = tryAcquireOnce(dbFile);
            if (lock.isPresent() || attempt == ACQUIRE_ATTEMPTS) {
                return lock;
            }
            try {
                Thread.sleep(ACQUIRE_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lock;
            }
        }
    }

    private static Optional<RunLock> tryAcquireOnce(Path dbFile) throws IOException {
        Path path = pathFor(dbFile);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Optional<FileLock> lock = Probe.of(channel).lock();
        if (lock.isEmpty()) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new RunLock(channel, lock.get()));
    }

    /**
     * True when another process holds the lock. The probe takes the lock for an instant when it is
     * free; {@link #tryAcquire} retries briefly, so a trader starting in that instant still starts.
     */
    static boolean heldElsewhere(Path dbFile) throws IOException {
        Path path = pathFor(dbFile);
        if (!Files.exists(path)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            Probe probe = Probe.of(channel);
            if (probe.lock().isPresent()) {
                probe.lock().get().release();
            }
            return probe.heldElsewhere();
        }
    }

    /** One attempt to lock: the lock when it was free, else whether this process or another holds it. */
    private record Probe(Optional<FileLock> lock, boolean heldHere) {

        static Probe of(FileChannel channel) throws IOException {
            try {
                return new Probe(Optional.ofNullable(channel.tryLock()), false);
            } catch (OverlappingFileLockException e) {
                return new Probe(Optional.empty(), true);
            }
        }

        boolean heldElsewhere() {
            return lock.isEmpty() && !heldHere;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
