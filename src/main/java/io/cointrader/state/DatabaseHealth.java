package io.cointrader.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * What a self-test needs to know about a database file, read without changing it: whether it exists,
 * its journal mode, and its schema version against the newest this program knows.
 * {@code problem} is null when the file could be read.
 */
public record DatabaseHealth(
        Path file, boolean exists, String journalMode, int schemaVersion, int latestVersion, String problem) {

    public DatabaseHealth {
        Objects.requireNonNull(file, "file");
    }

    /** Reads {@code file} read-only; never creates or migrates it. */
    public static DatabaseHealth inspect(Path file) {
        int latest = SchemaMigrator.SCRIPTS.size();
        if (!Files.exists(file)) {
            return new DatabaseHealth(file, false, null, 0, latest, null);
        }
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro";
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            String journal;
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                journal = rs.next() ? rs.getString(1) : "unknown";
            }
            int version = 0;
            try (ResultSet tables = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                if (tables.next() && tables.getInt(1) == 1) {
                    try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                        version = rs.next() ? rs.getInt(1) : 0;
                    }
                }
            }
            return new DatabaseHealth(file, true, journal, version, latest, null);
        } catch (SQLException e) {
            return new DatabaseHealth(file, true, null, 0, latest, String.valueOf(e.getMessage()));
        }
    }

    /** True when the file is readable, in WAL mode, and its schema is not newer than this program. */
    public boolean usable() {
        return problem == null && (!exists || ("wal".equalsIgnoreCase(journalMode) && schemaVersion <= latestVersion));
    }
}
