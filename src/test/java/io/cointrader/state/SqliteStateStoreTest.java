package io.cointrader.state;

import static io.cointrader.state.StateFixtures.T0;
import static io.cointrader.state.StateFixtures.fill;
import static io.cointrader.state.StateFixtures.intent;
import static io.cointrader.state.StateFixtures.order;
import static io.cointrader.state.StateFixtures.rawConnection;
import static io.cointrader.state.StateFixtures.record;
import static io.cointrader.state.StateFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intents, orders and fills in SQLite: the file and its directories, rollback, the stored text and
 * restarts. What any store must do is in {@link StateStoreContract}.
 */
class SqliteStateStoreTest {

    @TempDir
    Path dir;

    private Path file;
    private SqliteStateStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("nested/folders/state.db");
        store = SqliteStateStore.open(file);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createsMissingParentDirectories() {
        assertThat(file).exists();
    }

    @Test
    void orderUpdateIsAllOrNothing() throws SQLException {
        store.insertIntent(record("i-1", T0));
        try (Connection c = rawConnection(file);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TRIGGER refuse_fills BEFORE INSERT ON fills"
                    + " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
        }
        Order order = order("coid-i-1", "i-1", OrderStatus.FILLED, T0);

        assertThatThrownBy(
                        () -> store.recordOrderUpdate(order, List.of(fill("f-1", "coid-i-1", T0)), IntentState.PLACED))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("could not save order")
                .hasMessageNotContaining("coid-i-1");

        assertThat(store.findOrder("coid-i-1")).isEmpty();
        assertThat(store.findIntent("i-1").orElseThrow().state()).isEqualTo(IntentState.SUBMITTING);
    }

    @Test
    void storesMoneyAsExactTextAndTimesAsEpochMilliseconds() throws SQLException {
        store.insertIntent(record("i-1", T0));
        store.recordOrderUpdate(
                order("coid-i-1", "i-1", OrderStatus.OPEN, T0), List.of(fill("f-1", "coid-i-1", T0)), null);

        try (Connection c = rawConnection(file)) {
            assertThat(text(c, "SELECT quantity || '|' || typeof(quantity) FROM order_intents"))
                    .isEqualTo("0.00012300|text");
            assertThat(text(c, "SELECT created_at_ms || '|' || typeof(created_at_ms) FROM orders"))
                    .isEqualTo(T0.toEpochMilli() + "|integer");
            assertThat(text(c, "SELECT symbol || '|' || side || '|' || fee FROM fills"))
                    .isEqualTo("BTC/KRW|BUY|2.921250");
        }
        Fill stored = store.allFills().get(0);
        assertThat(stored.fee()).isEqualTo(new BigDecimal("2.921250"));
        assertThat(stored.fee().scale()).isEqualTo(6);
    }

    @Test
    void everythingSurvivesARestart() {
        IntentRecord intent = record("i-1", T0);
        Order order = order("coid-i-1", "i-1", OrderStatus.PARTIALLY_FILLED, T0)
                .withFill(new BigDecimal("0.00006150"), OrderStatus.PARTIALLY_FILLED, T0.plusSeconds(1));
        Fill fill = fill("f-1", "coid-i-1", T0.plusSeconds(1));
        store.insertIntent(intent);
        store.recordOrderUpdate(order, List.of(fill), IntentState.PLACED);
        store.close();

        store = SqliteStateStore.open(file);

        IntentRecord placed = new IntentRecord(intent.intent(), "coid-i-1", IntentState.PLACED, T0.plusSeconds(1));
        assertThat(store.findIntent("i-1")).contains(placed);
        assertThat(store.findOrder("coid-i-1")).contains(order);
        assertThat(store.openOrders()).containsExactly(order);
        assertThat(store.allFills()).containsExactly(fill);
        assertThat(store.countSubmittedIntentsSince(T0)).isEqualTo(1);
    }
}
