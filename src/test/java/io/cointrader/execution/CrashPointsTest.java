package io.cointrader.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.Broker;
import io.cointrader.broker.OrderUpdate;
import io.cointrader.broker.PaperBroker;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each crash point is reached where it says, with the database exactly as far along as it promises. */
class CrashPointsTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final BigDecimal PRICE = new BigDecimal("100000000");
    private static final String INTENT = "i1";

    @TempDir
    Path dir;

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    private final List<String> reached = new ArrayList<>();
    private StateStore store;
    private PaperBroker paper;

    @BeforeEach
    void open() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        paper = PaperBroker.fresh("KRW", new BigDecimal("1000000"), new BigDecimal("0.0005"), clock);
        paper.refresh(market(PRICE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Records each point with what the database holds for the intent at that moment. */
    private final CrashHook recorder = point -> reached.add(point + " " + stored());

    private String orderOf(String clientOrderId) {
        return store.findOrder(clientOrderId)
                .map(o -> o.status() + " '" + o.statusReason() + "'")
                .orElse("none");
    }

    private String stored() {
        String state = store.findIntent(INTENT).map(r -> r.state().name()).orElse("none");
        boolean order = store.findIntent(INTENT)
                .flatMap(r -> store.findOrder(r.clientOrderId()))
                .isPresent();
        return state + (order ? " order" : " no-order") + " fills="
                + store.allFills().size();
    }

    private ExecutionEngine engine(Broker broker) {
        return engine(broker, recorder);
    }

    private ExecutionEngine engine(Broker broker, CrashHook hook) {
        return new ExecutionEngine(
                broker,
                new RiskManager(RiskLimits.defaults()),
                store,
                new KillSwitch(dir.resolve("kill_switch"), clock),
                event -> {},
                new IntentIds("install-1"),
                clock,
                new ExecutionHooks(hook, TradeListener.NONE, OrderSpacing.NONE));
    }

    private Reconciler reconciler() {
        return new Reconciler(
                paper,
                store,
                event -> {},
                clock,
                new ExecutionHooks(recorder, TradeListener.NONE, OrderSpacing.NONE),
                ReconcilerOptions.NONE);
    }

    private static MarketData market(BigDecimal price) {
        return new MarketData(BTC, price, price, price, price, BigDecimal.ONE, price, price, price, Instant.EPOCH);
    }

    private OrderIntent buy(BigDecimal limit) {
        return new OrderIntent(
                INTENT,
                "test",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                limit,
                new BigDecimal("0.0009"),
                "t",
                clock.instant(),
                false);
    }

    private static AccountState account() {
        return new AccountState(new BigDecimal("1000000"), new BigDecimal("1000000"), PRICE, Map.of(), List.of());
    }

    @Test
    void anOrderThatFillsAtOncePassesEveryEnginePointInTheOrderOfThePath() {
        engine(paper).execute(buy(PRICE), account());

        assertThat(reached)
                .containsExactly(
                        "AFTER_WRITE_AHEAD SUBMITTING no-order fills=0",
                        "AFTER_BROKER_CALL SUBMITTING no-order fills=0",
                        "AFTER_ORDER_SAVED PLACED order fills=1",
                        "AFTER_FILL_RECORDED PLACED order fills=1");
    }

    @Test
    void anOpenOrderPassesNoFillPointUntilASyncRecordsItsFill() {
        BigDecimal below = PRICE.multiply(new BigDecimal("0.999"));
        engine(paper).execute(buy(below), account());
        reached.clear();

        reconciler().syncOpenOrders(market(PRICE.multiply(new BigDecimal("0.998"))));

        assertThat(reached)
                .containsExactly(
                        "DURING_RECONCILIATION PLACED order fills=0", "AFTER_FILL_RECORDED PLACED order fills=1");
    }

    @Test
    void settlingAnIntentStopsBeforeTheExchangeAnswerIsSaved() {
        Broker placesThenLosesAnswer = new ExecutionEngineTest.DelegatingBroker(paper) {
            @Override
            public OrderUpdate place(OrderIntent intent, String clientOrderId) {
                super.place(intent, clientOrderId);
                throw new ExchangeUnavailableException("connection reset after the order was accepted");
            }
        };
        engine(placesThenLosesAnswer).execute(buy(PRICE), account());
        reached.clear();

        assertThat(reconciler().reconcileIntents()).isEqualTo(1);

        assertThat(reached)
                .containsExactly(
                        "DURING_RECONCILIATION UNKNOWN no-order fills=0", "AFTER_FILL_RECORDED PLACED order fills=1");
    }

    @Test
    void settlingAnIntentThatNeverReachedTheExchangeStopsBeforeItIsMarked() {
        Broker silent = new ExecutionEngineTest.DelegatingBroker(paper) {
            @Override
            public OrderUpdate place(OrderIntent intent, String clientOrderId) {
                throw new ExchangeUnavailableException("timed out");
            }
        };
        engine(silent).execute(buy(PRICE), account());
        reached.clear();

        reconciler().reconcileIntents();

        assertThat(reached).containsExactly("DURING_RECONCILIATION UNKNOWN no-order fills=0");
        assertThat(store.findIntent(INTENT).orElseThrow().state()).isEqualTo(IntentState.NOT_PLACED);
    }

    @Test
    void aCancelWritesItsReasonAheadSoThatACrashAfterTheRequestKeepsWhyTheOrderEnded() {
        BigDecimal below = PRICE.multiply(new BigDecimal("0.999"));
        String id = engine(paper).execute(buy(below), account()).clientOrderId();
        List<String> seen = new ArrayList<>();
        CrashHook haltAfterTheRequest = point -> {
            seen.add(point + " " + orderOf(id));
            if (point == CrashPoint.AFTER_CANCEL_SENT) {
                throw new IllegalStateException("halted");
            }
        };
        ExecutionEngine crashing = engine(paper, haltAfterTheRequest);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> crashing.cancel(id, "timeout: BUY open 10 min"))
                .hasMessage("halted");
        reconciler().syncAllOpenOrders(); // the restarted trader sees the order ended on the exchange

        assertThat(seen).containsExactly("AFTER_CANCEL_SENT OPEN 'cancel requested: timeout: BUY open 10 min'");
        assertThat(store.findOrder(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orderOf(id)).isEqualTo("CANCELLED 'cancelled: timeout: BUY open 10 min'");
    }
}
