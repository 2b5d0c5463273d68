package io.cointrader.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @TempDir
    Path dir;

    private SqliteDatabase db;

    @BeforeEach
    void openDatabase() {
        db = SqliteDatabase.open(dir.resolve("db.sqlite"), Durability.POWER_LOSS_SAFE);
        db.write("create table", c -> Queries.update(c, "CREATE TABLE t (v TEXT NOT NULL)"));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void writeConnectionUsesWalFullSyncBusyTimeoutAndForeignKeys() {
        assertThat(writerPragma("journal_mode")).isEqualTo("wal");
        assertThat(writerPragma("synchronous")).isEqualTo("2"); // FULL
        assertThat(writerPragma("busy_timeout")).isEqualTo("10000");
        assertThat(writerPragma("foreign_keys")).isEqualTo("1");
        assertThat(readerPragma("busy_timeout")).isEqualTo("10000");
    }

    @Test
    void readConnectionsCannotWrite() {
        assertThatThrownBy(() -> db.read("sneak a write", c -> Queries.update(c, "INSERT INTO t VALUES ('x')")))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("could not sneak a write");
        assertThat(rows()).isZero();
    }

    @Test
    void failedWorkRollsBackEverythingItWrote() {
        assertThatThrownBy(() -> db.write("insert twice", c -> {
                    Queries.update(c, "INSERT INTO t VALUES ('kept only if committed')");
                    return Queries.update(c, "INSERT INTO t VALUES (NULL)");
                }))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("could not insert twice");

        assertThat(rows()).isZero();
        db.write("insert", c -> Queries.update(c, "INSERT INTO t VALUES ('after the failure')"));
        assertThat(rows()).isOne();
    }

    @Test
    void runtimeFailureInsideWorkAlsoRollsBack() {
        assertThatThrownBy(() -> db.write("insert then fail", c -> {
                    Queries.update(c, "INSERT INTO t VALUES ('x')");
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rows()).isZero();
    }

    @Test
    void anErrorInsideWorkRollsBackAndLaterWritesStillWork() {
        assertThatThrownBy(() -> db.write("insert then break", c -> {
                    Queries.update(c, "INSERT INTO t VALUES ('x')");
                    throw new AssertionError("broken invariant");
                }))
                .isInstanceOf(AssertionError.class);

        db.write("insert", c -> Queries.update(c, "INSERT INTO t VALUES ('y')"));
        assertThat(rows()).isOne();
    }

    @Test
    void closedDatabaseRefusesWorkAndClosesTwiceQuietly() {
        db.read("warm a reader", c -> Queries.single(c, "SELECT count(*) FROM t"));
        db.close();
        db.close();

        assertThatThrownBy(() -> db.read("read", c -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.write("write", c -> 1)).isInstanceOf(IllegalStateException.class);
    }

    private String writerPragma(String name) {
        String value = db.write("probe", c -> StateFixtures.text(c, "PRAGMA " + name));
        return value;
    }

    private String readerPragma(String name) {
        String value = db.read("probe", c -> StateFixtures.text(c, "PRAGMA " + name));
        return value;
    }

    private long rows() {
        long count = db.read("count", c -> Queries.single(c, "SELECT count(*) FROM t"));
        return count;
    }
}
