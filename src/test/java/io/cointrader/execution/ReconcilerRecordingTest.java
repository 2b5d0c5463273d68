package io.cointrader.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerRecordingTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal PRICE = new BigDecimal("100000000");
    private static final Instant T0 = Instant.parse("2025-10-21T10:30:00Z");

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(T0);

    private static Order filled(String clientOrderId) {
        return new Order(
                clientOrderId,
                "uuid-" + clientOrderId,
                "intent-" + clientOrderId,
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.001"),
                new BigDecimal("0.001"),
                OrderStatus.FILLED,
                "exchange state done",
                T0,
                T0);
    }

    private static OrderUpdate update(String clientOrderId) {
        Fill fill = new Fill(
                "trade-" + clientOrderId,
                clientOrderId,
                BTC,
                Side.BUY,
                PRICE,
                new BigDecimal("0.001"),
                new BigDecimal("50"),
                "KRW",
                T0);
        return new OrderUpdate(filled(clientOrderId), List.of(fill));
    }

    @Test
    void updatesTheDatabaseRefusesGoBackToTheBrokerSoThatNoFillIsLost() {
        RefreshingBroker broker = new RefreshingBroker(List.of(update("c1"), update("c2")));
        StateStore store = SqliteStateStore.open(dir.resolve("state.db"));
        Reconciler reconciler = new Reconciler(broker, store, event -> {}, clock);
        store.close(); // every write is refused from now on

        assertThatThrownBy(() -> reconciler.syncOpenOrders(market())).isInstanceOf(RuntimeException.class);

        assertThat(broker.takenBack).extracting(u -> u.order().clientOrderId()).containsExactly("c1", "c2");
    }

    @Test
    void recordedUpdatesStayWithTheDatabase() {
        RefreshingBroker broker = new RefreshingBroker(List.of(update("c1")));
        try (StateStore store = SqliteStateStore.open(dir.resolve("state.db"))) {
            Reconciler reconciler = new Reconciler(broker, store, event -> {}, clock);

            reconciler.syncOpenOrders(market());

            assertThat(broker.takenBack).isEmpty();
            assertThat(store.allFills()).extracting(Fill::fillId).containsExactly("trade-c1");
        }
    }

    private static MarketData market() {
        return new MarketData(BTC, PRICE, PRICE, PRICE, PRICE, BigDecimal.ONE, PRICE, PRICE, PRICE, T0);
    }

    /** Reports the same updates on every refresh and keeps what it is handed back. */
    private static final class RefreshingBroker implements Broker {
        private final List<OrderUpdate> updates;
        final List<OrderUpdate> takenBack = new ArrayList<>();

        RefreshingBroker(List<OrderUpdate> updates) {
            this.updates = updates;
        }

        @Override
        public OrderUpdate place(OrderIntent intent, String clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OrderUpdate> refresh(MarketData market) {
            return updates;
        }

        @Override
        public Optional<OrderUpdate> lookup(String clientOrderId) {
            return Optional.empty();
        }

        @Override
        public Optional<OrderUpdate> cancel(String clientOrderId) {
            return Optional.empty();
        }

        @Override
        public BalanceSnapshot balances() {
            return new BalanceSnapshot(Map.of(), T0);
        }

        @Override
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public java.math.BigDecimal sellable(io.cointrader.core.Symbol symbol) {
            return java.math.BigDecimal.ZERO;
        }

        @Override
        public String quoteCurrency() {
            return "KRW";
        }

        @Override
        public void unrecorded(OrderUpdate update) {
            takenBack.add(update);
        }
    }
}
