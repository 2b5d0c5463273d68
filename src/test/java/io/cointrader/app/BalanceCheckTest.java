package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalanceCheckTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    private StateStore store;
    private final ScriptedBalances exchange = new ScriptedBalances();
    private final List<SafetyEvent> events = new ArrayList<>();
    private final EntryBlock entries = new EntryBlock();
    private BalanceCheck check;

    @BeforeEach
    void open() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        AnomalyMonitor anomalies = new AnomalyMonitor(
                5, BigDecimal.TEN, BigDecimal.valueOf(5), BigDecimal.ONE, Clock.fixed(T0, ZoneOffset.UTC));
        check = new BalanceCheck(exchange, store, anomalies, events::add, entries);
        exchange.set("1000000", "0");
        check.startFrom(exchange.balances());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void recordBuyFill() {
        Order order = new Order(
                "c1",
                "u1",
                "i1",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                new BigDecimal("100000000"),
                new BigDecimal("0.001"),
                new BigDecimal("0.001"),
                OrderStatus.FILLED,
                null,
                T0,
                T0);
        store.insertIntent(new io.cointrader.state.IntentRecord(
                new OrderIntent(
                        "i1",
                        "t",
                        BTC,
                        Side.BUY,
                        OrderType.LIMIT,
                        new BigDecimal("100000000"),
                        new BigDecimal("0.001"),
                        "t",
                        T0,
                        false),
                "c1",
                IntentState.SUBMITTING,
                T0));
        store.recordOrderUpdate(
                order,
                List.of(new Fill(
                        "tr1",
                        "c1",
                        BTC,
                        Side.BUY,
                        new BigDecimal("100000000"),
                        new BigDecimal("0.001"),
                        new BigDecimal("50"),
                        "KRW",
                        T0)),
                IntentState.PLACED);
    }

    @Test
    void balancesExplainedByFillsRaiseNothing() {
        recordBuyFill();
        exchange.set("899950", "0.001");

        assertThat(check.check()).isEmpty();
        assertThat(entries.reason()).isEmpty();
    }

    @Test
    void anUnexplainedDifferenceIsACriticalEventAndBlocksEntriesUntilItIsGone() {
        recordBuyFill();
        exchange.set("899950", "0.002");

        assertThat(check.check())
                .as("a single sighting may be a fill in flight")
                .isEmpty();
        List<SafetyEvent> found = check.check();

        assertThat(found).extracting(SafetyEvent::type).containsExactly(SafetyEventType.BALANCE_MISMATCH);
        assertThat(events).hasSize(1);
        assertThat(entries.reason()).isPresent();

        exchange.set("899950", "0.001");
        assertThat(check.check()).isEmpty();
        assertThat(entries.reason()).isEmpty();
    }

    @Test
    void aFillTheDatabaseMissedIsAMismatch() {
        exchange.set("899950", "0.001");
        check.check();

        assertThat(check.check()).extracting(SafetyEvent::type).contains(SafetyEventType.BALANCE_MISMATCH);
    }

    /** Only balances matter here. */
    static final class ScriptedBalances implements Broker {
        private Map<String, Balance> balances = Map.of();

        void set(String krw, String btc) {
            balances = Map.of(
                    "KRW", new Balance("KRW", new BigDecimal(krw), BigDecimal.ZERO),
                    "BTC", new Balance("BTC", new BigDecimal(btc), BigDecimal.ZERO));
        }

        @Override
        public BalanceSnapshot balances() {
            return new BalanceSnapshot(balances, T0);
        }

        @Override
        public OrderUpdate place(OrderIntent intent, String clientOrderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OrderUpdate> refresh(MarketData market) {
            return List.of();
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
        public List<Position> positions() {
            return List.of();
        }

        @Override
        public BigDecimal sellable(io.cointrader.core.Symbol symbol) {
            return BigDecimal.ZERO;
        }

        @Override
        public String quoteCurrency() {
            return "KRW";
        }
    }
}
