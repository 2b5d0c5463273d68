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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intents, orders and fills. */
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
    void intentRoundTripsExactly() {
        IntentRecord written = record("i-1", T0);

        assertThat(store.insertIntent(written)).isTrue();

        assertThat(store.findIntent("i-1")).contains(written);
        assertThat(store.findIntent("i-2")).isEmpty();
    }

    @Test
    void rejectsDuplicateIntentIdOrClientOrderId() {
        IntentRecord first = record("i-1", T0);
        store.insertIntent(first);

        IntentRecord sameIntentId = new IntentRecord(intent("i-1", T0), "other-coid", IntentState.SUBMITTING, T0);
        IntentRecord sameClientId = new IntentRecord(intent("i-2", T0), "coid-i-1", IntentState.SUBMITTING, T0);

        assertThat(store.insertIntent(sameIntentId)).isFalse();
        assertThat(store.insertIntent(sameClientId)).isFalse();
        assertThat(store.findIntent("i-1")).contains(first);
        assertThat(store.findIntent("i-2")).isEmpty();
    }

    @Test
    void updatesIntentStateAndTime() {
        store.insertIntent(record("i-1", T0));

        store.updateIntentState("i-1", IntentState.UNKNOWN, T0.plusSeconds(5));

        IntentRecord updated = store.findIntent("i-1").orElseThrow();
        assertThat(updated.state()).isEqualTo(IntentState.UNKNOWN);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(updated.intent().createdAt()).isEqualTo(T0);
    }

    @Test
    void updatingAnUnknownIntentFailsNamingTheOperationOnly() {
        assertThatThrownBy(() -> store.updateIntentState("secret-looking-id", IntentState.PLACED, T0))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("could not update order intent state")
                .hasMessageNotContaining("secret-looking-id");
    }

    @Test
    void listsIntentsInTheGivenStatesOldestFirst() {
        store.insertIntent(record("i-late", T0.plusSeconds(20)));
        store.insertIntent(record("i-early", T0));
        store.insertIntent(record("i-placed", T0.plusSeconds(10)));
        store.updateIntentState("i-placed", IntentState.PLACED, T0.plusSeconds(11));
        store.insertIntent(record("i-unknown", T0.plusSeconds(30)));
        store.updateIntentState("i-unknown", IntentState.UNKNOWN, T0.plusSeconds(31));

        List<IntentRecord> pending = store.intentsIn(Set.of(IntentState.SUBMITTING, IntentState.UNKNOWN));

        assertThat(pending).extracting(r -> r.intent().intentId()).containsExactly("i-early", "i-late", "i-unknown");
        assertThat(store.intentsIn(Set.of())).isEmpty();
    }

    @Test
    void countsSubmittedIntentsInTheWindowExceptNotPlaced() {
        store.insertIntent(record("before", T0.minusMillis(1)));
        store.insertIntent(record("at-start", T0));
        store.insertIntent(record("rejected", T0.plusSeconds(1)));
        store.updateIntentState("rejected", IntentState.REJECTED, T0.plusSeconds(1));
        store.insertIntent(record("never-placed", T0.plusSeconds(2)));
        store.updateIntentState("never-placed", IntentState.NOT_PLACED, T0.plusSeconds(3));
        store.insertIntent(record("unknown", T0.plusSeconds(4)));
        store.updateIntentState("unknown", IntentState.UNKNOWN, T0.plusSeconds(4));

        assertThat(store.countSubmittedIntentsSince(T0)).isEqualTo(3);
        assertThat(store.countSubmittedIntentsSince(T0.minusSeconds(1))).isEqualTo(4);
        assertThat(store.countSubmittedIntentsSince(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(store.countSubmittedIntentsSince(T0.plus(Duration.ofDays(1))))
                .isZero();
    }

    @Test
    void recordsOrderWithNewFillsAndIntentStateInOneCall() {
        store.insertIntent(record("i-1", T0));
        Order open = order("coid-i-1", "i-1", OrderStatus.OPEN, T0);
        store.recordOrderUpdate(open, List.of(), IntentState.PLACED);

        Fill first = fill("f-1", "coid-i-1", T0.plusSeconds(1));
        Fill second = fill("f-2", "coid-i-1", T0.plusSeconds(2));
        Order filled = open.withFill(open.quantity(), OrderStatus.FILLED, T0.plusSeconds(2));
        store.recordOrderUpdate(filled, List.of(first, second), null);
        store.recordOrderUpdate(filled, List.of(first, second), null);

        assertThat(store.findOrder("coid-i-1")).contains(filled);
        assertThat(store.allFills()).containsExactly(first, second);
        IntentRecord intent = store.findIntent("i-1").orElseThrow();
        assertThat(intent.state()).isEqualTo(IntentState.PLACED);
        assertThat(intent.updatedAt()).isEqualTo(T0);
    }

    @Test
    void orderUpsertKeepsCreationTimeAndAKnownExchangeId() {
        Order placed = order("c-1", "i-1", OrderStatus.OPEN, T0);
        store.recordOrderUpdate(placed, List.of(), null);
        Order laterWithoutIds = new Order(
                "c-1",
                null,
                "i-1",
                placed.symbol(),
                placed.side(),
                placed.type(),
                placed.price(),
                placed.quantity(),
                placed.filledQuantity(),
                OrderStatus.CANCELLED,
                "user cancel",
                T0.plusSeconds(60),
                T0.plusSeconds(60));

        store.recordOrderUpdate(laterWithoutIds, List.of(), null);

        Order stored = store.findOrder("c-1").orElseThrow();
        assertThat(stored.exchangeOrderId()).isEqualTo("uuid-c-1");
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.statusReason()).isEqualTo("user cancel");
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(60));
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
    void orderUpdateForAnUnstoredIntentStillRecordsTheOrder() {
        Order order = order("c-9", "missing-intent", OrderStatus.OPEN, T0);

        store.recordOrderUpdate(order, List.of(), IntentState.PLACED);

        assertThat(store.findOrder("c-9")).contains(order);
    }

    @Test
    void refusesFillsOfAnotherOrder() {
        Order order = order("c-1", "i-1", OrderStatus.OPEN, T0);
        List<Fill> foreign = List.of(fill("f-1", "c-2", T0));

        assertThatThrownBy(() -> store.recordOrderUpdate(order, foreign, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findOrder("c-1")).isEmpty();
    }

    @Test
    void openOrdersAreOpenOrPartiallyFilled() {
        for (OrderStatus status : OrderStatus.values()) {
            store.recordOrderUpdate(order("c-" + status, "i-" + status, status, T0), List.of(), null);
        }

        assertThat(store.openOrders())
                .extracting(Order::clientOrderId)
                .containsExactlyInAnyOrder("c-OPEN", "c-PARTIALLY_FILLED");
    }

    @Test
    void recentOrdersAreNewestFirstAndPage() {
        for (int i = 0; i < 5; i++) {
            store.recordOrderUpdate(order("c-" + i, "i-" + i, OrderStatus.FILLED, T0.plusSeconds(i)), List.of(), null);
        }

        assertThat(store.recentOrders(2, 0)).extracting(Order::clientOrderId).containsExactly("c-4", "c-3");
        assertThat(store.recentOrders(2, 2)).extracting(Order::clientOrderId).containsExactly("c-2", "c-1");
        assertThat(store.recentOrders(10, 4)).extracting(Order::clientOrderId).containsExactly("c-0");
        assertThatThrownBy(() -> store.recentOrders(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillsComeBackInTimeOrder() {
        store.recordOrderUpdate(order("c-1", "i-1", OrderStatus.FILLED, T0), List.of(), null);
        Fill late = fill("f-late", "c-1", T0.plusSeconds(9));
        Fill early = fill("f-early", "c-1", T0.plusSeconds(1));

        store.recordOrderUpdate(order("c-1", "i-1", OrderStatus.FILLED, T0), List.of(late, early), null);

        assertThat(store.allFills()).containsExactly(early, late);
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

    @Test
    void closedStoreRefusesUse() {
        store.close();

        assertThatThrownBy(() -> store.findIntent("i-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.insertIntent(record("i-1", T0))).isInstanceOf(IllegalStateException.class);
    }
}
