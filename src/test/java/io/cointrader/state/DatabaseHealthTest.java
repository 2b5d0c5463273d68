package io.cointrader.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseHealthTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsReportedAndNotCreated() {
        DatabaseHealth health = DatabaseHealth.inspect(dir.resolve("none.db"));

        assertThat(health.exists()).isFalse();
        assertThat(health.usable()).isTrue();
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    @Test
    void aMigratedStoreIsWalAndCurrent() {
        Path file = dir.resolve("s.db");
        SqliteStateStore.open(file).close();

        DatabaseHealth health = DatabaseHealth.inspect(file);

        assertThat(health.journalMode()).isEqualToIgnoringCase("wal");
        assertThat(health.schemaVersion()).isEqualTo(health.latestVersion()).isEqualTo(3);
        assertThat(health.usable()).isTrue();
    }

    @Test
    void aDatabaseFromANewerProgramIsNotUsable() throws Exception {
        Path file = dir.resolve("s.db");
        SqliteStateStore.open(file).close();
        try (Connection c = StateFixtures.rawConnection(file);
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (9, 0, 'future')");
        }

        assertThat(DatabaseHealth.inspect(file).usable()).isFalse();
    }

    @Test
    void aFileThatIsNotADatabaseIsAProblem() throws Exception {
        Path file = dir.resolve("junk.db");
        Files.writeString(file, "this is not sqlite ".repeat(100));

        DatabaseHealth health = DatabaseHealth.inspect(file);

        assertThat(health.problem()).isNotNull();
        assertThat(health.usable()).isFalse();
    }
}
