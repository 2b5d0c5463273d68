package io.cointrader.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * File handling for the key file: owner-only permissions, a size bound on reading, and atomic
 * replacement on writing. On file systems without POSIX permissions (Windows) the permission rules
 * are skipped; the file then relies on the user profile's ACLs.
 */
final class KeyFileIo {

    /** Far above any real key file; stops a wrong path (a log, a database) being read whole. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private KeyFileIo() {}

    /** The file's text, after refusing a missing, oversized or group/other-accessible file. */
    static String readText(Path file) {
        if (!Files.exists(file)) {
            throw KeyFileException.missing(file);
        }
        if (!Files.isRegularFile(file)) {
            throw KeyFileException.notAKeyFile(file);
        }
        refuseOpenPermissions(file);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw KeyFileException.notAKeyFile(file);
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw KeyFileException.missing(file);
        } catch (IOException e) {
            throw KeyFileException.io("read", file, e);
        }
    }

    /**
     * Replaces {@code file} with {@code content}: a temporary file in the same directory, created
     * owner-only before a byte is written, flushed to disk, then moved over the target.
     */
    static void writeAtomically(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            boolean posix = createDirectories(dir);
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw KeyFileException.io("write", file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void refuseOpenPermissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw KeyFileException.tooOpen(file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException e) {
            // A file system that names the POSIX view but cannot answer it: nothing to check.
        } catch (IOException e) {
            throw KeyFileException.io("read", file, e);
        }
    }

    /** Creates missing parent directories, owner-only where POSIX; tells whether POSIX applies. */
    private static boolean createDirectories(Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null
                && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        return posix;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed with a clearer error; a stray temporary file is owner-only.
        }
    }
}
