package io.cointrader.state;

import static io.cointrader.state.StateFixtures.count;
import static io.cointrader.state.StateFixtures.rawConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    private static final Instant FIRST_OPEN = Instant.parse("2024-05-01T00:00:00.123Z");
    private static final String TEST_MIGRATIONS = "io/cointrader/state/migration/";

    @TempDir
    Path dir;

    @Test
    void createsEveryTableAndRecordsTheSchemaVersion() throws SQLException {
        Path file = dir.resolve("state.db");
        SqliteStateStore.open(file, clockAt(FIRST_OPEN)).close();

        try (Connection c = rawConnection(file)) {
            assertThat(tableNames(c))
                    .contains(
                            "schema_version",
                            "events",
                            "order_intents",
                            "orders",
                            "fills",
                            "positions_snapshot",
                            "balances_snapshot",
                            "decisions_log",
                            "safety_events",
                            "day_start_equity",
                            "meta",
                            "account_snapshots",
                            "last_ticks");
            assertThat(versionRows(c))
                    .containsExactly(
                            "1|" + FIRST_OPEN.toEpochMilli() + "|initial schema",
                            "2|" + FIRST_OPEN.toEpochMilli() + "|dashboard read model",
                            "3|" + FIRST_OPEN.toEpochMilli() + "|order lookups");
        }
    }

    @Test
    void reopeningAppliesNothingAgain() throws SQLException {
        Path file = dir.resolve("state.db");
        SqliteStateStore.open(file, clockAt(FIRST_OPEN)).close();
        SqliteStateStore.open(file, clockAt(FIRST_OPEN.plusSeconds(3600))).close();

        try (Connection c = rawConnection(file)) {
            assertThat(versionRows(c))
                    .containsExactly(
                            "1|" + FIRST_OPEN.toEpochMilli() + "|initial schema",
                            "2|" + FIRST_OPEN.toEpochMilli() + "|dashboard read model",
                            "3|" + FIRST_OPEN.toEpochMilli() + "|order lookups");
        }
    }

    @Test
    void aVersionOneDatabaseKeepsItsRowsWhenMigrated() throws SQLException {
        Path file = dir.resolve("state.db");
        try (SqliteDatabase db = SqliteDatabase.open(file, Durability.CRASH_SAFE)) {
            new SchemaMigrator(List.of(SchemaMigrator.SCRIPTS.get(0)), clockAt(FIRST_OPEN)).migrate(db);
        }
        try (Connection c = rawConnection(file);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO balances_snapshot (time_ms, currency, free, locked) VALUES (1, 'KRW', '5', '0')");
        }

        try (SqliteStateStore store = SqliteStateStore.open(file, clockAt(FIRST_OPEN))) {
            assertThat(store.latestAccountSnapshot()).isEmpty();
        }
        try (Connection c = rawConnection(file)) {
            assertThat(count(c, "SELECT count(*) FROM balances_snapshot WHERE snapshot_id IS NULL AND free = '5'"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT max(version) FROM schema_version")).isEqualTo(3);
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerProgram() throws SQLException {
        Path file = dir.resolve("state.db");
        SqliteStateStore.open(file, clockAt(FIRST_OPEN)).close();
        try (Connection c = rawConnection(file);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (4, 0, 'from the future')");
        }

        assertThatThrownBy(() -> SqliteStateStore.open(file, clockAt(FIRST_OPEN)))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("schema is version 4")
                .hasMessageContaining("only up to version 3");
    }

    @Test
    void appliesMigrationsInOrderEachInItsOwnTransaction() throws SQLException {
        Path file = dir.resolve("state.db");
        List<String> scripts = List.of(
                SchemaMigrator.SCRIPTS.get(0),
                TEST_MIGRATIONS + "V2__add_notes.sql",
                TEST_MIGRATIONS + "V3__fails_half_way.sql");
        try (SqliteDatabase db = SqliteDatabase.open(file, Durability.POWER_LOSS_SAFE)) {
            SchemaMigrator migrator = new SchemaMigrator(scripts, clockAt(FIRST_OPEN));
            assertThatThrownBy(() -> migrator.migrate(db))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessage("could not apply schema migration 3");
        }

        try (Connection c = rawConnection(file)) {
            assertThat(count(c, "SELECT max(version) FROM schema_version")).isEqualTo(2);
            assertThat(tableNames(c)).contains("notes").doesNotContain("half_done");
            assertThat(count(c, "SELECT count(*) FROM notes")).isZero();
        }
    }

    @Test
    void refusesMigrationNumbersWithGapsOrBadNames() {
        Clock clock = clockAt(FIRST_OPEN);
        assertThatThrownBy(() -> new SchemaMigrator(List.of(TEST_MIGRATIONS + "V2__add_notes.sql"), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemaMigrator(List.of("db/migration/initial.sql"), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMigrationFileOnTheClassPathIsRegistered() throws Exception {
        URL folder = getClass().getClassLoader().getResource("db/migration");
        assertThat(folder).isNotNull();
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            onDisk = files.map(p -> "db/migration/" + p.getFileName()).sorted().toList();
        }
        assertThat(onDisk).containsExactlyElementsOf(SchemaMigrator.SCRIPTS);
    }

    @Test
    void eventsTableIsAppendOnly() throws SQLException {
        Path file = dir.resolve("state.db");
        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            store.appendEvent("start", null, FIRST_OPEN);
        }
        try (Connection c = rawConnection(file);
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET type = 'changed'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events")).hasMessageContaining("append-only");
            assertThat(count(c, "SELECT count(*) FROM events WHERE type = 'start'"))
                    .isEqualTo(1);
        }
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> versionRows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, applied_at_ms, description FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getLong(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }
}
