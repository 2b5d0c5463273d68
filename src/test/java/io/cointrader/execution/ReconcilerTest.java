package io.cointrader.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.LiveBroker;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ApiKeyInfo;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.OrderChance;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.risk.RiskLimits;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconciliation against the live broker after a crash: what the database ends up linking and holding. */
class ReconcilerTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal PRICE = new BigDecimal("100000000");
    private static final BigDecimal VOLUME = new BigDecimal("0.0009");

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    private final ScriptedExchange exchange = new ScriptedExchange();
    private StateStore store;

    @BeforeEach
    void open() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A fresh process: the broker follows only what the database holds as open. */
    private LiveBroker restartedBroker() {
        return new LiveBroker(exchange, "KRW", clock, store.openOrders(), store.allFills());
    }

    @Test
    void anOrderSettledAfterARestartKeepsItsIntentWhenItFillsLater() {
        String clientOrderId =
                engine(restartedBroker()).execute(buy(), account()).clientOrderId();
        LiveBroker afterRestart = restartedBroker();
        Reconciler reconciler = new Reconciler(afterRestart, store, event -> {}, clock);
        assertThat(reconciler.reconcileIntents()).isEqualTo(1);

        exchange.fill();
        reconciler.syncOpenOrders(market());

        var order = store.findOrder(clientOrderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.intentId()).isEqualTo("i1");
        assertThat(store.allFills()).hasSize(1);
    }

    @Test
    void aCancelAfterARestartKeepsTheOrdersIntent() {
        String clientOrderId =
                engine(restartedBroker()).execute(buy(), account()).clientOrderId();
        LiveBroker afterRestart = restartedBroker();
        new Reconciler(afterRestart, store, event -> {}, clock).reconcileIntents();

        engine(afterRestart).cancel(clientOrderId, "closing");

        var order = store.findOrder(clientOrderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.intentId()).isEqualTo("i1");
    }

    @Test
    void anOrderNotFoundRightAfterAnUnansweredPlacementIsLookedForUntilTheGraceWindowEnds() {
        exchange.late = true;
        String clientOrderId =
                engine(restartedBroker()).execute(buy(), account()).clientOrderId();
        Reconciler reconciler = new Reconciler(
                restartedBroker(),
                store,
                event -> {},
                clock,
                ExecutionHooks.NONE,
                new ReconcilerOptions(java.time.Duration.ofSeconds(600), java.util.Optional.empty()));

        assertThat(reconciler.reconcileIntents()).isZero();
        clock.advance(java.time.Duration.ofSeconds(599));
        assertThat(reconciler.reconcileIntents()).isZero();
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.UNKNOWN);
        exchange.createLateOrder();
        exchange.fill();

        assertThat(reconciler.reconcileIntents()).isEqualTo(1);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.PLACED);
        assertThat(store.findOrder(clientOrderId).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(store.allFills()).hasSize(1);
    }

    @Test
    void anIntentWhoseOrderNeverAppearsIsNotPlacedOnceTheGraceWindowHasPassed() {
        exchange.late = true;
        engine(restartedBroker()).execute(buy(), account());
        Reconciler reconciler = new Reconciler(
                restartedBroker(),
                store,
                event -> {},
                clock,
                ExecutionHooks.NONE,
                new ReconcilerOptions(java.time.Duration.ofSeconds(600), java.util.Optional.empty()));

        clock.advance(java.time.Duration.ofSeconds(600));

        assertThat(reconciler.reconcileIntents()).isEqualTo(1);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.NOT_PLACED);
    }

    @Test
    void anOrderTheExchangeCreatedAfterItsIntentWasGivenUpIsAdoptedWithItsFills() {
        exchange.late = true;
        String clientOrderId =
                engine(restartedBroker()).execute(buy(), account()).clientOrderId();
        Reconciler reconciler = new Reconciler(
                restartedBroker(),
                store,
                event -> {},
                clock,
                ExecutionHooks.NONE,
                new ReconcilerOptions(
                        java.time.Duration.ofSeconds(600), Optional.of(new IntentIds("install-1").prefix())));
        clock.advance(java.time.Duration.ofSeconds(600));
        reconciler.reconcileIntents();
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.NOT_PLACED);
        assertThat(reconciler.adoptUnknownOrders()).isZero();

        exchange.createLateOrder();
        exchange.fill();

        assertThat(reconciler.adoptUnknownOrders()).isEqualTo(1);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.PLACED);
        var order = store.findOrder(clientOrderId).orElseThrow();
        assertThat(order.intentId()).isEqualTo("i1");
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(store.allFills()).hasSize(1);
        assertThat(reconciler.adoptUnknownOrders()).as("adopted once").isZero();
    }

    @Test
    void ordersOfAnotherInstallationAreNeverAdopted() {
        exchange.late = true;
        engine(restartedBroker()).execute(buy(), account());
        exchange.createLateOrder();
        Reconciler reconciler = new Reconciler(
                restartedBroker(),
                store,
                event -> {},
                clock,
                ExecutionHooks.NONE,
                new ReconcilerOptions(java.time.Duration.ZERO, Optional.of(new IntentIds("install-2").prefix())));

        assertThat(reconciler.adoptUnknownOrders()).isZero();
    }

    private ExecutionEngine engine(LiveBroker broker) {
        return new ExecutionEngine(
                broker,
                new RiskManager(RiskLimits.defaults()),
                store,
                new KillSwitch(dir.resolve("kill_switch"), clock),
                event -> {},
                new IntentIds("install-1"),
                clock);
    }

    private OrderIntent buy() {
        return new OrderIntent(
                "i1", "test", BTC, Side.BUY, OrderType.LIMIT, PRICE, VOLUME, "t", clock.instant(), false);
    }

    private static AccountState account() {
        return new AccountState(new BigDecimal("1000000"), new BigDecimal("1000000"), PRICE, Map.of(), List.of());
    }

    private static MarketData market() {
        return new MarketData(BTC, PRICE, PRICE, PRICE, PRICE, BigDecimal.ONE, PRICE, PRICE, PRICE, Instant.EPOCH);
    }

    /**
     * Creates the order but loses the answer (or, {@code late}, creates it only when told to); the order
     * fills when the test says so.
     */
    private static final class ScriptedExchange implements PrivateExchange {
        private ExchangeOrder order;
        private ExchangeOrder pending;
        boolean late;

        void createLateOrder() {
            order = pending;
        }

        @Override
        public ExchangeOrder placeOrder(OrderRequest request) {
            pending = new ExchangeOrder(
                    "uuid-1",
                    request.identifier(),
                    request.symbol(),
                    request.side(),
                    "limit",
                    request.price(),
                    "wait",
                    request.volume(),
                    request.volume(),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    Instant.EPOCH,
                    List.of());
            if (!late) {
                order = pending;
            }
            throw new OutcomeUnknownException("connection reset after the order was created");
        }

        void fill() {
            BigDecimal funds = order.price().multiply(order.volume());
            order = new ExchangeOrder(
                    order.uuid(),
                    order.identifier(),
                    order.symbol(),
                    order.side(),
                    "limit",
                    order.price(),
                    "done",
                    order.volume(),
                    BigDecimal.ZERO,
                    order.volume(),
                    new BigDecimal("45"),
                    order.createdAt(),
                    List.of(new ExchangeOrder.Trade("trade-1", order.price(), order.volume(), funds, Instant.EPOCH)));
        }

        @Override
        public Optional<ExchangeOrder> orderByIdentifier(String identifier) {
            return Optional.ofNullable(order).filter(o -> o.identifier().equals(identifier));
        }

        @Override
        public Optional<ExchangeOrder> orderByUuid(String uuid) {
            return Optional.ofNullable(order).filter(o -> o.uuid().equals(uuid));
        }

        @Override
        public List<ExchangeOrder> openOrders(Symbol symbol) {
            return Optional.ofNullable(order).filter(ExchangeOrder::isOpen).stream()
                    .toList();
        }

        @Override
        public List<ExchangeOrder> allOpenOrders() {
            return Optional.ofNullable(order).filter(ExchangeOrder::isOpen).stream()
                    .toList();
        }

        @Override
        public List<ExchangeOrder> closedOrders(Instant from, Instant to) {
            return Optional.ofNullable(order).filter(o -> !o.isOpen()).stream().toList();
        }

        @Override
        public List<AccountBalance> accounts() {
            return List.of();
        }

        @Override
        public OrderChance chance(Symbol symbol) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public List<ApiKeyInfo> apiKeys() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public ExchangeOrder cancelByIdentifier(String identifier) {
            order = new ExchangeOrder(
                    order.uuid(),
                    order.identifier(),
                    order.symbol(),
                    order.side(),
                    "limit",
                    order.price(),
                    "cancel",
                    order.volume(),
                    order.remainingVolume(),
                    order.executedVolume(),
                    order.paidFee(),
                    order.createdAt(),
                    order.trades());
            return order;
        }
    }
}
