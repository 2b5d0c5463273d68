package io.cointrader.state;

import static io.cointrader.state.StateFixtures.BTC;
import static io.cointrader.state.StateFixtures.T0;
import static io.cointrader.state.StateFixtures.fill;
import static io.cointrader.state.StateFixtures.order;
import static io.cointrader.state.StateFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What only the in-memory store has: the accessors for a backtest report, and its threading. */
class MemoryStateStoreTest {

    private final MemoryStateStore store = new MemoryStateStore();

    @Test
    void allOrdersAreInPlacementOrderWithTheirLatestState() {
        store.recordOrderUpdate(order("c-2", "i-2", OrderStatus.OPEN, T0.plusSeconds(1)), List.of(), null);
        store.recordOrderUpdate(order("c-1", "i-1", OrderStatus.OPEN, T0), List.of(), null);
        store.recordOrderUpdate(order("c-3", "i-3", OrderStatus.OPEN, T0.plusSeconds(1)), List.of(), null);
        Order filled = order("c-2", "i-2", OrderStatus.OPEN, T0.plusSeconds(1))
                .withFill(new BigDecimal("0.00012300"), OrderStatus.FILLED, T0.plusSeconds(5));
        store.recordOrderUpdate(filled, List.of(fill("f-1", "c-2", T0.plusSeconds(5))), null);

        assertThat(store.allOrders()).extracting(Order::clientOrderId).containsExactly("c-1", "c-2", "c-3");
        assertThat(store.allOrders().get(1)).isEqualTo(filled);
    }

    @Test
    void allRiskDecisionsAndSafetyEventsAreOldestFirst() {
        RiskDecisionRecord first = decision("i-1", T0);
        RiskDecisionRecord second = decision("i-2", T0);
        RiskDecisionRecord earlier = decision("i-0", T0.minusSeconds(1));
        store.saveRiskDecision(first);
        store.saveDecisionEvent("strategy", "BTC/KRW", "HOLD", null, Map.of(), T0);
        store.saveRiskDecision(second);
        store.saveRiskDecision(earlier);
        SafetyEvent halt = safetyEvent("halt", T0.plusSeconds(2));
        SafetyEvent jump = safetyEvent("jump", T0.plusSeconds(1));
        store.saveSafetyEvent(halt);
        store.saveSafetyEvent(jump);

        assertThat(store.allRiskDecisions()).containsExactly(earlier, first, second);
        assertThat(store.allSafetyEvents()).containsExactly(jump, halt);
    }

    @Test
    void returnedListsCannotBeChanged() {
        store.recordOrderUpdate(order("c-1", "i-1", OrderStatus.OPEN, T0), List.of(fill("f-1", "c-1", T0)), null);
        store.saveRiskDecision(decision("i-1", T0));

        assertThatThrownBy(() -> store.allOrders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> store.openOrders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> store.allFills().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> store.recentRiskDecisions(5).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.allOrders()).hasSize(1);
    }

    @Test
    void theAccessorsAreRefusedOnceClosed() {
        store.close();

        assertThatThrownBy(store::allOrders).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::allRiskDecisions).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::allSafetyEvents).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callsFromManyThreadsAreAllRecorded() throws Exception {
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> placeOrders(thread, perThread)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.orderCount()).isEqualTo((long) threads * perThread);
        assertThat(store.openOrders()).hasSize(threads * perThread);
        assertThat(store.allFills()).hasSize(threads * perThread);
        assertThat(store.countSubmittedIntentsSince(T0)).isEqualTo(threads * perThread);
        assertThat(store.intentsIn(List.of(IntentState.PLACED))).hasSize(threads * perThread);
    }

    private void placeOrders(int thread, int count) {
        for (int i = 0; i < count; i++) {
            String id = thread + "-" + i;
            store.insertIntent(record(id, T0.plusMillis(i)));
            store.recordOrderUpdate(
                    order("coid-" + id, id, OrderStatus.OPEN, T0.plusMillis(i)),
                    List.of(fill("f-" + id, "coid-" + id, T0.plusMillis(i))),
                    IntentState.PLACED);
        }
    }

    private static RiskDecisionRecord decision(String intentId, Instant time) {
        return new RiskDecisionRecord(
                intentId, BTC, Side.BUY, new BigDecimal("100000"), RiskDecision.APPROVED, "ALL", "ok", time);
    }

    private static SafetyEvent safetyEvent(String message, Instant time) {
        return new SafetyEvent(SafetyEventType.PRICE_ANOMALY, Severity.HIGH, BTC, message, Map.of(), time);
    }
}
