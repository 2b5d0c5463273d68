package io.cointrader.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.broker.PaperBroker;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.OutcomeUnknownException;
import io.cointrader.exchange.RateLimitedException;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.risk.RiskLimits;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancels that fail never lose track of the order, and the engine's reading of placement failures. */
class ExecutionEngineCancelTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal PRICE = new BigDecimal("100000000");

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    private StateStore store;
    private PaperBroker paper;
    private ScriptedCancels broker;
    private ExecutionEngine engine;

    @BeforeEach
    void open() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        paper = PaperBroker.fresh("KRW", new BigDecimal("1000000"), new BigDecimal("0.0005"), clock);
        paper.refresh(market(PRICE));
        broker = new ScriptedCancels(paper);
        engine = new ExecutionEngine(
                broker,
                new RiskManager(RiskLimits.defaults()),
                store,
                new KillSwitch(dir.resolve("kill_switch"), clock),
                event -> {},
                new IntentIds("install-1"),
                clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MarketData market(BigDecimal price) {
        return new MarketData(BTC, price, price, price, price, BigDecimal.ONE, price, price, price, Instant.EPOCH);
    }

    /** A buy resting 1,000 KRW below the price. */
    private String restingBuy() {
        OrderIntent intent = new OrderIntent(
                "i1",
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE.subtract(BigDecimal.valueOf(1000)),
                new BigDecimal("0.0009"),
                "t",
                clock.instant(),
                false);
        ExecutionResult placed = engine.execute(intent, account());
        assertThat(placed.order().status()).isEqualTo(OrderStatus.OPEN);
        return placed.clientOrderId();
    }

    private AccountState account() {
        return new AccountState(new BigDecimal("1000000"), new BigDecimal("1000000"), PRICE, Map.of(), List.of());
    }

    @Test
    void aCancelThatIsAcceptedRecordsTheOrderCancelledWithItsReason() {
        String id = restingBuy();

        CancelResult result = engine.cancel(id, "timeout: BUY open 10 min");

        assertThat(result.finished()).isTrue();
        assertThat(result.detail()).isEqualTo("cancelled");
        Order stored = store.findOrder(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.statusReason()).isEqualTo("cancelled: timeout: BUY open 10 min");
    }

    @Test
    void anOrderThatFilledAMomentBeforeItsCancelIsRecordedFilledWithItsFill() {
        String id = restingBuy();
        // the order fills, then the exchange answers the cancel "order not found"
        broker.onCancel = () -> {
            paper.refresh(market(PRICE.subtract(BigDecimal.valueOf(5000))));
            throw new OrderRejectedException("DELETE /v1/order: HTTP 404 order_not_found");
        };

        CancelResult result = engine.cancel(id, "timeout");

        assertThat(result.finished()).isTrue();
        assertThat(result.detail()).isEqualTo("filled before the cancel");
        assertThat(store.findOrder(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(store.allFills()).singleElement().satisfies(f -> assertThat(f.clientOrderId())
                .isEqualTo(id));
    }

    @Test
    void aCancelWithoutAnAnswerIsFollowedByALookupAndTriedAgainWhileTheOrderIsOpen() {
        String id = restingBuy();
        broker.onCancel = () -> {
            throw new ExchangeUnavailableException("DELETE /v1/order: timed out");
        };

        CancelResult result = engine.cancel(id, "timeout");

        assertThat(result.finished()).isFalse();
        assertThat(result.detail()).isEqualTo("cancel failed (DELETE /v1/order: timed out); still open, will retry");
        assertThat(store.findOrder(id).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(store.openOrders()).hasSize(1);
    }

    @Test
    void whenTheLookupFailsTooNothingIsThrownAndTheOrderStaysOpen() {
        String id = restingBuy();
        broker.onCancel = () -> {
            throw new RateLimitedException("DELETE /v1/order: HTTP 429");
        };
        broker.failLookups = true;

        CancelResult result = engine.cancel(id, "timeout");

        assertThat(result.order()).isEmpty();
        assertThat(result.finished()).isFalse();
        assertThat(result.detail()).contains("will retry");
        assertThat(store.findOrder(id).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void theReasonOfARequestedCancelIsKeptWhenTheExchangeReportsItDone() {
        String id = restingBuy();
        Order open = store.findOrder(id).orElseThrow();
        broker.onCancel = () -> Optional.of(
                new OrderUpdate(open.withStatus(OrderStatus.OPEN, "exchange state wait", clock.instant()), List.of()));

        engine.cancel(id, "timeout: BUY open 10 min");
        assertThat(store.findOrder(id).orElseThrow().statusReason())
                .isEqualTo("cancel requested: timeout: BUY open 10 min");
        Order done = open.withStatus(OrderStatus.CANCELLED, "exchange state cancel", clock.instant());
        new Reconciler(broker, store, event -> {}, clock).syncAllOpenOrders();
        broker.lookups.add(done);
        new Reconciler(broker, store, event -> {}, clock).syncAllOpenOrders();

        assertThat(store.findOrder(id).orElseThrow().statusReason()).isEqualTo("cancelled: timeout: BUY open 10 min");
    }

    @Test
    void aPlacementTheExchangeRefusedDefinitelyIsRejectedNotLeftUnknown() {
        for (RuntimeException refusal : List.of(
                new RateLimitedException("POST /v1/orders: HTTP 429"),
                new AuthFailedException("POST /v1/orders: HTTP 401 jwt_verification"))) {
            broker.onPlace = () -> {
                throw refusal;
            };
            clock.advance(Duration.ofSeconds(2));
            ExecutionResult result =
                    engine.execute(buyIntent("r-" + refusal.getClass().getSimpleName()), account());

            assertThat(result.outcome()).isEqualTo(ExecutionOutcome.BROKER_REJECTED);
            assertThat(store.findIntent(result.intentId()).orElseThrow().state())
                    .isEqualTo(IntentState.REJECTED);
        }
    }

    @Test
    void aPlacementWithoutAnAnswerStaysUnknown() {
        broker.onPlace = () -> {
            throw new OutcomeUnknownException("POST /v1/orders: timed out");
        };

        ExecutionResult result = engine.execute(buyIntent("u1"), account());

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OUTCOME_UNKNOWN);
        assertThat(store.findIntent("u1").orElseThrow().state()).isEqualTo(IntentState.UNKNOWN);
    }

    private OrderIntent buyIntent(String id) {
        return new OrderIntent(
                id,
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.0009"),
                "t",
                clock.instant(),
                false);
    }

    /** The paper broker, with cancels, placements and lookups a test can script. */
    private static final class ScriptedCancels extends ExecutionEngineTest.DelegatingBroker {
        private final Broker inner;
        Supplier<Optional<OrderUpdate>> onCancel;
        Supplier<OrderUpdate> onPlace;
        boolean failLookups;
        final List<Order> lookups = new ArrayList<>();

        ScriptedCancels(Broker inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        public OrderUpdate place(OrderIntent intent, String clientOrderId) {
            return onPlace == null ? inner.place(intent, clientOrderId) : onPlace.get();
        }

        @Override
        public Optional<OrderUpdate> cancel(String clientOrderId) {
            return onCancel == null ? inner.cancel(clientOrderId) : onCancel.get();
        }

        @Override
        public Optional<OrderUpdate> lookup(String clientOrderId) {
            if (failLookups) {
                throw new ExchangeUnavailableException("GET /v1/order: timed out");
            }
            if (!lookups.isEmpty()) {
                return Optional.of(new OrderUpdate(lookups.remove(0), List.of()));
            }
            return inner.lookup(clientOrderId);
        }
    }
}
