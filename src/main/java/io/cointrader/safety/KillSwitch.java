package io.cointrader.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kill switch: while it is active, no order is placed. It is active when either
 *
 * <ul>
 *   <li>the kill switch file exists — it survives restarts and any process can create it ({@code
 *       trader kill}, the dashboard, the loop on repeated API failures); or
 *   <li>it was activated for this process only ({@link #activateForProcess}, used on SIGTERM/SIGINT),
 *       which leaves no file behind.
 * </ul>
 *
 * <p>The file holds a small JSON object {@code {reason, source, activated_at}} and never secrets. Its
 * presence alone is what counts: an empty or corrupt file is still an active kill switch (fail safe),
 * and so is a file whose existence cannot be determined.
 *
 * <p>{@link #isActive()} checks the file on every call (one {@code stat}), so a kill switch set by
 * another process takes effect on the next check. Thread-safe.
 */
public final class KillSwitch {

    /** Larger kill switch files are not parsed (still active). */
    static final int MAX_FILE_BYTES = 64 * 1024;

    static final String NO_REASON = "(no reason given)";
    static final String UNKNOWN_SOURCE = "unknown";
    private static final String PROCESS_SOURCE = "process";
    private static final int MAX_TEXT_LENGTH = 500;

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<KillSwitchStatus> processActivation = new AtomicReference<>();

    public KillSwitch(Path file, Clock clock) {
        this(Objects.requireNonNull(file, "file").toAbsolutePath(), clock, true);
    }

    private KillSwitch(Path file, Clock clock, boolean withFile) {
        this.file = withFile ? file : null;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A kill switch of this process only, with no file: for a backtest, which must neither see nor
     * touch the kill switch of the trading system, and checks it without a system call.
     */
    public static KillSwitch inMemory(Clock clock) {
        return new KillSwitch(null, clock, false);
    }

    /** The kill switch file; null for {@link #inMemory}. */
    public Path file() {
        return file;
    }

    /** True while the file exists (or its existence cannot be determined) or this process was stopped. */
    public boolean isActive() {
        return processActivation.get() != null || (file != null && !Files.notExists(file));
    }

    /**
     * Activates the kill switch for every process, now and after restarts, by writing the file
     * atomically (temporary file, then move). Never refuses for a missing or overlong reason: blanks are
     * replaced, long texts shortened.
     *
     * @throws UncheckedIOException when the file cannot be written; the kill switch is then still active
     *     for this process, but would not survive a restart
     */
    public void activate(String reason, String source) {
        KillSwitchStatus status =
                new KillSwitchStatus(true, text(reason, NO_REASON), text(source, UNKNOWN_SOURCE), clock.instant());
        if (file == null) {
            processActivation.set(status);
            return;
        }
        boolean written = false;
        try {
            writeAtomically(serialize(status));
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "kill switch is active in this process, but " + file + " could not be written: " + e.getMessage(),
                    e);
        } finally {
            if (!written) {
                processActivation.set(status); // whatever went wrong, this process stops
            }
        }
    }

    /**
     * Stops orders in this process only, leaving no file (so the next start trades again). The first
     * reason is kept when called more than once.
     */
    public void activateForProcess(String reason) {
        processActivation.compareAndSet(
                null, new KillSwitchStatus(true, text(reason, NO_REASON), PROCESS_SOURCE, clock.instant()));
    }

    /**
     * Releases the kill switch: deletes the file and clears this process's flag.
     *
     * @param source who releases it ({@code cli}, {@code web}); for the caller's audit record
     * @return whether it was active before
     * @throws UncheckedIOException when the file cannot be deleted; the kill switch then stays active
     */
    public boolean release(String source) {
        Objects.requireNonNull(source, "source");
        boolean wasActive = isActive();
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kill switch file " + file + " could not be deleted: " + e.getMessage(), e);
        }
        processActivation.set(null);
        return wasActive;
    }

    /** The current state; the file's content wins over this process's flag. */
    public KillSwitchStatus status() {
        Optional<KillSwitchStatus> fromFile = readFile();
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        KillSwitchStatus process = processActivation.get();
        return process != null ? process : KillSwitchStatus.inactive();
    }

    private Optional<KillSwitchStatus> readFile() {
        if (file == null) {
            return Optional.empty();
        }
        if (Files.notExists(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return Optional.of(unreadable("larger than " + MAX_FILE_BYTES + " bytes"));
            }
            return Optional.of(parse(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // released between the check and the read
        } catch (IOException e) {
            return Optional.of(unreadable(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private KillSwitchStatus parse(byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (IOException e) {
            return unreadable("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return unreadable(content.length == 0 ? "empty" : "not a JSON object");
        }
        String reason = text(root.path("reason").asText(null), NO_REASON);
        String source = text(root.path("source").asText(null), UNKNOWN_SOURCE);
        Instant since = parseInstant(root.path("activated_at").asText(null));
        return new KillSwitchStatus(true, reason, source, since != null ? since : lastModified());
    }

    private KillSwitchStatus unreadable(String why) {
        return new KillSwitchStatus(
                true,
                "kill switch file " + file + " cannot be read (" + why + "); treated as active",
                UNKNOWN_SOURCE,
                lastModified());
    }

    private Instant lastModified() {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] serialize(KillSwitchStatus status) throws JsonProcessingException {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("reason", status.reason());
        content.put("source", status.source());
        content.put("activated_at", status.since().toString());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
    }

    /** Temporary file in the same directory, flushed to disk, then renamed over the target. */
    private void writeAtomically(byte[] content) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String stripped = value.strip();
        return stripped.length() <= MAX_TEXT_LENGTH ? stripped : stripped.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
