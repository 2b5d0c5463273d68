package io.cointrader.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database up to the newest schema. Migrations are SQL resources named {@code
 * V<n>__<description>.sql}, numbered 1, 2, 3, … without gaps; each is applied in its own transaction
 * together with its {@code schema_version} row, so a failed migration leaves the previous version
 * intact. Applying is idempotent and safe when two processes open the same file at once: the
 * version is re-read inside each migration's write transaction.
 */
final class SchemaMigrator {

    /** The migrations of this program, oldest first. Add new files here as well as on disk. */
    static final List<String> SCRIPTS = List.of(
            "db/migration/V1__initial_schema.sql",
            "db/migration/V2__dashboard_read_model.sql",
            "db/migration/V3__order_lookups.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final String CREATE_VERSION_TABLE =
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version       INTEGER NOT NULL PRIMARY KEY,
                applied_at_ms INTEGER NOT NULL,
                description   TEXT    NOT NULL
            ) STRICT""";

    /** One numbered migration script on the class path. */
    record Migration(int version, String description, String resource) {

        static Migration of(String resource) {
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(fileName);
            if (!m.matches()) {
                throw new IllegalArgumentException("migration " + fileName + " is not named V<n>__<description>.sql");
            }
            return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), resource);
        }
    }

    private final List<Migration> migrations;
    private final Clock clock;

    SchemaMigrator(List<String> scripts, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Migration> parsed = new ArrayList<>();
        for (String script : scripts) {
            Migration migration = Migration.of(script);
            if (migration.version() != parsed.size() + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... without gaps");
            }
            parsed.add(migration);
        }
        this.migrations = List.copyOf(parsed);
    }

    /** The schema version this program writes. */
    int latestVersion() {
        return migrations.size();
    }

    /**
     * Applies every migration newer than the database's version.
     *
     * @return the schema version of the database afterwards
     * @throws StateStoreException when the database is newer than this program, or a migration fails
     */
    int migrate(SqliteDatabase database) {
        database.write("create the schema version table", connection -> {
            execute(connection, CREATE_VERSION_TABLE);
            return null;
        });
        requireKnown(database.write("read the schema version", SchemaMigrator::currentVersion));
        for (Migration migration : migrations) {
            database.write("apply schema migration " + migration.version(), connection -> {
                int current = currentVersion(connection);
                requireKnown(current);
                if (current < migration.version()) {
                    execute(connection, load(migration.resource()));
                    recordApplied(connection, migration);
                }
                return null;
            });
        }
        return database.write("read the schema version", SchemaMigrator::currentVersion);
    }

    private void requireKnown(int current) {
        if (current > latestVersion()) {
            throw new StateStoreException(
                    "the database schema is version " + current + " but this program knows only up to version "
                            + latestVersion() + "; run a newer coin-trader or point DB_PATH at another file",
                    null);
        }
    }

    private void recordApplied(Connection connection, Migration migration) throws SQLException {
        String sql = "INSERT INTO schema_version (version, applied_at_ms, description) VALUES (?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setInt(1, migration.version());
            insert.setLong(2, clock.millis());
            insert.setString(3, migration.description());
            insert.executeUpdate();
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs a whole script; the driver hands it to {@code sqlite3_exec}, which runs every statement. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String load(String resource) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StateStoreException("could not find schema migration " + resource, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StateStoreException("could not read schema migration " + resource, e);
        }
    }
}
