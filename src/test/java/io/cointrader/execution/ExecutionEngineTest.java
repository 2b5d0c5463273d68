package io.cointrader.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.broker.PaperBroker;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.risk.RiskLimits;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionEngineTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal PRICE = new BigDecimal("100000000");

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    private final List<SafetyEvent> safetyEvents = new ArrayList<>();
    private StateStore store;
    private KillSwitch killSwitch;
    private PaperBroker paper;

    @BeforeEach
    void open() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        killSwitch = new KillSwitch(dir.resolve("kill_switch"), clock);
        paper = PaperBroker.fresh("KRW", new BigDecimal("1000000"), new BigDecimal("0.0005"), clock);
        paper.refresh(market());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExecutionEngine engine(Broker broker) {
        return new ExecutionEngine(
                broker,
                new RiskManager(RiskLimits.defaults()),
                store,
                killSwitch,
                safetyEvents::add,
                new IntentIds("install-1"),
                clock);
    }

    private static MarketData market() {
        return new MarketData(BTC, PRICE, PRICE, PRICE, PRICE, BigDecimal.ONE, PRICE, PRICE, PRICE, Instant.EPOCH);
    }

    private OrderIntent buy(String id) {
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

    private AccountState account() {
        return new AccountState(new BigDecimal("1000000"), new BigDecimal("1000000"), PRICE, Map.of(), List.of());
    }

    @Test
    void placesAnApprovedIntentAndStoresOrderFillsAndDecision() {
        ExecutionResult result = engine(paper).execute(buy("i1"), account());

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.PLACED);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.PLACED);
        assertThat(store.findOrder(result.clientOrderId())).isPresent();
        assertThat(store.allFills()).hasSize(1);
        assertThat(store.recentRiskDecisions(10)).singleElement().satisfies(d -> assertThat(d.approved())
                .isTrue());
    }

    @Test
    void tellsTheTradeListenerAboutThePlacedOrderAndItsFillsAfterStoringThem() {
        List<String> heard = new ArrayList<>();
        TradeListener listener = new TradeListener() {
            @Override
            public void orderPlaced(io.cointrader.core.Order order) {
                assertThat(store.findOrder(order.clientOrderId())).isPresent();
                heard.add("placed " + order.side());
            }

            @Override
            public void filled(io.cointrader.core.Fill fill) {
                heard.add("fill " + fill.side());
                throw new IllegalStateException("a failing listener must not disturb the engine");
            }
        };
        ExecutionEngine engine = new ExecutionEngine(
                paper,
                new RiskManager(RiskLimits.defaults()),
                store,
                killSwitch,
                safetyEvents::add,
                new IntentIds("install-1"),
                clock,
                new ExecutionHooks(CrashHook.NONE, listener, OrderSpacing.NONE));

        ExecutionResult result = engine.execute(buy("i1"), account());

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.PLACED);
        assertThat(heard).containsExactly("placed BUY", "fill BUY");
    }

    @Test
    void writesTheIntentAheadOfTheBrokerCall() {
        List<IntentState> seenByBroker = new ArrayList<>();
        Broker inspecting = new DelegatingBroker(paper) {
            @Override
            public OrderUpdate place(OrderIntent intent, String clientOrderId) {
                store.findIntent(intent.intentId()).ifPresent(r -> seenByBroker.add(r.state()));
                assertThat(store.findIntent(intent.intentId()).orElseThrow().clientOrderId())
                        .isEqualTo(clientOrderId);
                return super.place(intent, clientOrderId);
            }
        };

        engine(inspecting).execute(buy("i1"), account());

        assertThat(seenByBroker).containsExactly(IntentState.SUBMITTING);
    }

    @Test
    void killSwitchBlocksEverythingButEmergencySells() {
        ExecutionEngine engine = engine(paper);
        engine.execute(buy("i1"), account());
        killSwitch.activate("test", "test");

        ExecutionResult blocked = engine.execute(buy("i2"), account());
        OrderIntent emergency = new OrderIntent(
                "e1",
                "emergency",
                BTC,
                Side.SELL,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.0009"),
                "close",
                clock.instant().plusSeconds(5),
                true);
        clock.advance(java.time.Duration.ofSeconds(5));
        Position held = paper.positions().get(0);
        ExecutionResult sold = engine.execute(
                emergency,
                new AccountState(
                        new BigDecimal("1000000"), new BigDecimal("1000000"), PRICE, Map.of(BTC, held), List.of()));

        assertThat(blocked.outcome()).isEqualTo(ExecutionOutcome.KILL_SWITCH_ACTIVE);
        assertThat(store.findIntent("i2")).isEmpty();
        assertThat(sold.outcome()).isEqualTo(ExecutionOutcome.PLACED);
    }

    @Test
    void theSameIntentIsPlacedOnceEvenAfterARestartOfTheEngine() {
        engine(paper).execute(buy("i1"), account());
        clock.advance(java.time.Duration.ofMinutes(5));

        ExecutionResult again = engine(paper).execute(buy("i1"), account());

        assertThat(again.outcome()).isEqualTo(ExecutionOutcome.DUPLICATE);
        assertThat(store.recentOrders(10, 0)).hasSize(1);
    }

    @Test
    void riskRejectionIsSavedAndNothingIsWrittenAhead() {
        OrderIntent tooBig = new OrderIntent(
                "big",
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.002"),
                "t",
                clock.instant(),
                false);

        ExecutionResult result = engine(paper).execute(tooBig, account());

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.RISK_REJECTED);
        assertThat(store.findIntent("big")).isEmpty();
        assertThat(store.recentRiskDecisions(10)).singleElement().satisfies(d -> {
            assertThat(d.approved()).isFalse();
            assertThat(d.check()).isEqualTo("POSITION_SIZE");
        });
    }

    @Test
    void aBrokerCallWithoutAnAnswerLeavesTheIntentUnknownUntilReconciled() {
        Broker silent = new DelegatingBroker(paper) {
            @Override
            public OrderUpdate place(OrderIntent intent, String clientOrderId) {
                throw new ExchangeUnavailableException("timed out");
            }
        };

        ExecutionResult result = engine(silent).execute(buy("i1"), account());

        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OUTCOME_UNKNOWN);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.UNKNOWN);
        assertThat(safetyEvents).extracting(SafetyEvent::type).containsExactly(SafetyEventType.ORDER_OUTCOME_UNKNOWN);
        assertThat(engine(silent).execute(buy("i1"), account()).outcome()).isEqualTo(ExecutionOutcome.DUPLICATE);

        int settled = new Reconciler(paper, store, safetyEvents::add, clock).reconcileIntents();

        assertThat(settled).isEqualTo(1);
        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.NOT_PLACED);
        assertThat(store.intentsIn(EnumSet.of(IntentState.UNKNOWN, IntentState.SUBMITTING)))
                .isEmpty();
    }

    @Test
    void reconciliationRecordsAnOrderTheBrokerPlacedButTheDatabaseNeverHeardOf() {
        Broker placesThenLosesAnswer = new DelegatingBroker(paper) {
            @Override
            public OrderUpdate place(OrderIntent intent, String clientOrderId) {
                super.place(intent, clientOrderId);
                throw new ExchangeUnavailableException("connection reset after the order was accepted");
            }
        };
        ExecutionResult result = engine(placesThenLosesAnswer).execute(buy("i1"), account());
        assertThat(result.outcome()).isEqualTo(ExecutionOutcome.OUTCOME_UNKNOWN);

        new Reconciler(paper, store, safetyEvents::add, clock).reconcileIntents();

        assertThat(store.findIntent("i1").orElseThrow().state()).isEqualTo(IntentState.PLACED);
        assertThat(store.findOrder(result.clientOrderId())).isPresent();
        assertThat(store.allFills()).hasSize(1);
    }

    @Test
    void clientOrderIdsAreDeterministicPerInstallationAndSafeForUpbit() {
        IntentIds a = new IntentIds("install-1");
        String id = IntentIds.intentId("conservative", BTC, Side.BUY, Instant.parse("2025-10-21T10:00:00Z"));

        assertThat(a.clientOrderId(id)).isEqualTo(new IntentIds("install-1").clientOrderId(id));
        assertThat(a.clientOrderId(id)).isNotEqualTo(new IntentIds("install-2").clientOrderId(id));
        assertThat(a.clientOrderId(id)).matches("[a-z0-9-]{1,64}");
    }

    @Test
    void orderRateWindowIsTheLastSecondAtMillisecondResolution() {
        ExecutionEngine engine = engine(paper);
        assertThat(engine.execute(buy("i1"), account()).outcome()).isEqualTo(ExecutionOutcome.PLACED);
        clock.advance(java.time.Duration.ofMillis(999));
        OrderIntent second = new OrderIntent(
                "i2",
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.0001"),
                "t",
                clock.instant(),
                false);
        assertThat(engine.execute(second, account()).outcome()).isEqualTo(ExecutionOutcome.RISK_REJECTED);

        clock.advance(java.time.Duration.ofMillis(1));
        OrderIntent third = new OrderIntent(
                "i3",
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                PRICE,
                new BigDecimal("0.0001"),
                "t",
                clock.instant(),
                false);

        assertThat(engine.execute(third, account()).outcome()).isEqualTo(ExecutionOutcome.PLACED);
    }

    /** Forwards everything to another broker; tests override one method. */
    static class DelegatingBroker implements Broker {
        private final Broker inner;

        DelegatingBroker(Broker inner) {
            this.inner = inner;
        }

        @Override
        public OrderUpdate place(OrderIntent intent, String clientOrderId) {
            return inner.place(intent, clientOrderId);
        }

        @Override
        public List<OrderUpdate> refresh(MarketData market) {
            return inner.refresh(market);
        }

        @Override
        public Optional<OrderUpdate> lookup(String clientOrderId) {
            return inner.lookup(clientOrderId);
        }

        @Override
        public Optional<OrderUpdate> cancel(String clientOrderId) {
            return inner.cancel(clientOrderId);
        }

        @Override
        public BalanceSnapshot balances() {
            return inner.balances();
        }

        @Override
        public List<Position> positions() {
            return inner.positions();
        }

        @Override
        public java.math.BigDecimal sellable(io.cointrader.core.Symbol symbol) {
            return inner.sellable(symbol);
        }

        @Override
        public String quoteCurrency() {
            return inner.quoteCurrency();
        }
    }
}
