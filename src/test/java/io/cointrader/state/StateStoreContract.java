package io.cointrader.state;

import static io.cointrader.state.StateFixtures.BTC;
import static io.cointrader.state.StateFixtures.T0;
import static io.cointrader.state.StateFixtures.fill;
import static io.cointrader.state.StateFixtures.intent;
import static io.cointrader.state.StateFixtures.order;
import static io.cointrader.state.StateFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, whatever keeps the data: run by {@link
 * SqliteStateStoreContractTest} and {@link MemoryStateStoreContractTest}. Durability, files, migrations
 * and concurrency with other processes are SQLite matters and are tested in the SQLite tests.
 */
abstract class StateStoreContract {

    private static final Symbol ETH = Symbol.parse("ETH/KRW");

    protected StateStore store;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract StateStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // --- intents, orders and fills --------------------------------------------------------

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
    void closedStoreRefusesUse() {
        store.close();

        assertThatThrownBy(() -> store.findIntent("i-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.insertIntent(record("i-1", T0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void timesAreCutToWholeMillisecondsAndMoneyKeepsItsValueAndScale() {
        Instant subMilli = T0.plusNanos(1_999_999);
        store.insertIntent(new IntentRecord(intent("i-1", subMilli), "coid-i-1", IntentState.SUBMITTING, subMilli));
        Order order = new Order(
                "c-1",
                null,
                "i-1",
                BTC,
                Side.BUY,
                OrderType.LIMIT,
                new BigDecimal("9.5E+7"),
                new BigDecimal("0.00012300"),
                BigDecimal.ZERO,
                OrderStatus.OPEN,
                null,
                subMilli,
                subMilli);

        store.recordOrderUpdate(order, List.of(), null);

        IntentRecord intent = store.findIntent("i-1").orElseThrow();
        assertThat(intent.intent().createdAt()).isEqualTo(T0.plusMillis(1));
        assertThat(intent.updatedAt()).isEqualTo(T0.plusMillis(1));
        Order stored = store.findOrder("c-1").orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(T0.plusMillis(1));
        assertThat(stored.price()).isEqualByComparingTo("95000000");
        assertThat(stored.price().scale()).isZero();
        assertThat(stored.quantity().toPlainString()).isEqualTo("0.00012300");
        assertThat(store.countSubmittedIntentsSince(T0.plusNanos(1_500_000))).isOne();
        assertThat(store.countSubmittedIntentsSince(T0.plusMillis(2))).isZero();
    }

    @Test
    void intentsCreatedInTheSameMillisecondAreListedByIntentId() {
        store.insertIntent(record("i-b", T0));
        store.insertIntent(record("i-a", T0));
        store.insertIntent(record("i-0", T0.plusMillis(1)));

        assertThat(store.intentsIn(List.of(IntentState.SUBMITTING, IntentState.SUBMITTING)))
                .extracting(r -> r.intent().intentId())
                .containsExactly("i-a", "i-b", "i-0");
    }

    @Test
    void anIntentMarkedNotPlacedStopsCountingAndCountsAgainOncePlaced() {
        store.insertIntent(record("i-1", T0));
        assertThat(store.countSubmittedIntentsSince(T0)).isOne();

        store.updateIntentState("i-1", IntentState.NOT_PLACED, T0.plusSeconds(1));
        assertThat(store.countSubmittedIntentsSince(T0)).isZero();

        store.recordOrderUpdate(order("coid-i-1", "i-1", OrderStatus.OPEN, T0), List.of(), IntentState.PLACED);
        assertThat(store.countSubmittedIntentsSince(T0)).isOne();
        assertThat(store.findIntent("i-1").orElseThrow().state()).isEqualTo(IntentState.PLACED);
    }

    @Test
    void intentsAddedOutOfTimeOrderAreCountedAndListedByCreationTime() {
        store.insertIntent(record("i-late", T0.plusSeconds(10)));
        store.insertIntent(record("i-early", T0));
        store.insertIntent(record("i-middle", T0.plusSeconds(5)));
        store.updateIntentState("i-late", IntentState.NOT_PLACED, T0.plusSeconds(11));

        assertThat(store.countSubmittedIntentsSince(T0)).isEqualTo(2);
        assertThat(store.countSubmittedIntentsSince(T0.plusSeconds(5))).isOne();
        assertThat(store.countSubmittedIntentsSince(T0.plusSeconds(6))).isZero();
        assertThat(store.intentsIn(EnumSet.allOf(IntentState.class)))
                .extracting(r -> r.intent().intentId())
                .containsExactly("i-early", "i-middle", "i-late");
    }

    @Test
    void openOrdersAreOldestFirstAndLeaveOnceClosed() {
        store.recordOrderUpdate(order("c-late", "i-1", OrderStatus.OPEN, T0.plusSeconds(5)), List.of(), null);
        store.recordOrderUpdate(order("c-early", "i-2", OrderStatus.OPEN, T0), List.of(), null);
        store.recordOrderUpdate(order("c-same", "i-3", OrderStatus.PARTIALLY_FILLED, T0), List.of(), null);

        assertThat(store.openOrders()).extracting(Order::clientOrderId).containsExactly("c-early", "c-same", "c-late");

        store.recordOrderUpdate(order("c-early", "i-2", OrderStatus.CANCELLED, T0.plusSeconds(9)), List.of(), null);

        assertThat(store.openOrders()).extracting(Order::clientOrderId).containsExactly("c-same", "c-late");
        assertThat(store.recentOrders(10, 0))
                .extracting(Order::clientOrderId)
                .containsExactly("c-late", "c-same", "c-early");
    }

    @Test
    void fillsOfTheSameMillisecondComeBackInTheOrderRecordedAndAFillIdIsStoredOnce() {
        store.recordOrderUpdate(
                order("c-1", "i-1", OrderStatus.FILLED, T0),
                List.of(fill("f-b", "c-1", T0), fill("f-a", "c-1", T0), fill("f-b", "c-1", T0)),
                null);
        store.recordOrderUpdate(
                order("c-2", "i-2", OrderStatus.FILLED, T0),
                List.of(fill("f-0", "c-2", T0), fill("f-a", "c-2", T0.minusSeconds(1))),
                null);

        assertThat(store.allFills())
                .extracting(Fill::fillId, Fill::clientOrderId)
                .containsExactly(tuple("f-b", "c-1"), tuple("f-a", "c-1"), tuple("f-0", "c-2"));
    }

    @Test
    void changingAReturnedListDoesNotChangeTheStore() {
        store.insertIntent(record("i-1", T0));
        store.recordOrderUpdate(
                order("coid-i-1", "i-1", OrderStatus.OPEN, T0), List.of(fill("f-1", "coid-i-1", T0)), null);

        tryToClear(store.openOrders());
        tryToClear(store.allFills());
        tryToClear(store.recentOrders(10, 0));
        tryToClear(store.intentsIn(List.of(IntentState.SUBMITTING)));

        assertThat(store.openOrders()).hasSize(1);
        assertThat(store.allFills()).hasSize(1);
        assertThat(store.recentOrders(10, 0)).hasSize(1);
        assertThat(store.intentsIn(List.of(IntentState.SUBMITTING))).hasSize(1);
    }

    @Test
    void closingTwiceIsQuietAndEveryLaterCallIsRefused() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.openOrders()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.meta("k")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.appendEvent("x", Map.of(), T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.countSubmittedIntentsSince(T0)).isInstanceOf(IllegalStateException.class);
    }

    // --- audit events, decisions, safety events, day-start equity and settings ------------

    @Test
    void eventsComeBackNewestFirstAndFilteredByType() {
        store.appendEvent("tick", Map.of("n", 1), T0);
        store.appendEvent("order", Map.of("n", 2), T0.plusSeconds(1));
        store.appendEvent("tick", Map.of("n", 3), T0.plusSeconds(2));

        assertThat(store.recentEvents(null, 10))
                .extracting(StoredEvent::payloadJson)
                .containsExactly("{\"n\":3}", "{\"n\":2}", "{\"n\":1}");
        assertThat(store.recentEvents("tick", 1)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("tick");
            assertThat(e.time()).isEqualTo(T0.plusSeconds(2));
            assertThat(e.payloadJson()).isEqualTo("{\"n\":3}");
        });
        assertThat(store.recentEvents("unheard-of", 10)).isEmpty();
    }

    @Test
    void eventPayloadsAreJsonWithPlainNumbersAndReadableValues() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("symbol", BTC);
        payload.put("price", new BigDecimal("1E+8"));
        payload.put("at", T0);
        payload.put("side", Side.SELL);
        payload.put("note", null);

        store.appendEvent("order", payload, T0);
        store.appendEvent("empty", null, T0);

        assertThat(store.recentEvents("order", 1).get(0).payloadJson())
                .isEqualTo("{\"at\":\"2024-05-01T00:00:00Z\",\"note\":null,\"price\":100000000,"
                        + "\"side\":\"SELL\",\"symbol\":\"BTC/KRW\"}");
        assertThat(store.recentEvents("empty", 1).get(0).payloadJson()).isEqualTo("{}");
    }

    @Test
    void riskDecisionsRoundTripAndOtherDecisionKindsStayOut() {
        RiskDecisionRecord approved = new RiskDecisionRecord(
                "i-1", BTC, Side.BUY, new BigDecimal("100000.00"), RiskDecision.APPROVED, "ALL", "ok", T0);
        RiskDecisionRecord rejected = new RiskDecisionRecord(
                "i-2", ETH, Side.BUY, null, RiskDecision.REJECTED, "POSITION_SIZE", "over 10 %", T0.plusSeconds(1));
        store.saveRiskDecision(approved);
        store.saveDecisionEvent("llm_advice", "BTC/KRW", "HOLD", "calm", Map.of("confidence", 0.4), T0.plusSeconds(2));
        store.saveRiskDecision(rejected);

        assertThat(store.recentRiskDecisions(10)).containsExactly(rejected, approved);
        assertThat(store.recentRiskDecisions(1)).containsExactly(rejected);
    }

    @Test
    void safetyEventsRoundTripNewestFirst() {
        SafetyEvent accountWide = new SafetyEvent(
                SafetyEventType.KILL_SWITCH_ACTIVATED, Severity.CRITICAL, null, "kill switch on", Map.of(), T0);
        SafetyEvent jump = new SafetyEvent(
                SafetyEventType.PRICE_ANOMALY,
                Severity.HIGH,
                BTC,
                "price jumped",
                Map.of("previous", "90000000", "current", "99000000.5"),
                T0.plusSeconds(1));
        store.saveSafetyEvent(accountWide);
        store.saveSafetyEvent(jump);

        assertThat(store.recentSafetyEvents(10)).containsExactly(jump, accountWide);
        assertThat(store.recentSafetyEvents(0)).isEmpty();
    }

    @Test
    void dayStartEquityFirstWriteWins() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        assertThat(store.dayStartEquity(day)).isEmpty();

        assertThat(store.recordDayStartEquity(day, new BigDecimal("1000000.50"), T0))
                .isEqualTo(new BigDecimal("1000000.50"));
        assertThat(store.recordDayStartEquity(day, new BigDecimal("999.00"), T0.plusSeconds(60)))
                .isEqualTo(new BigDecimal("1000000.50"));

        assertThat(store.dayStartEquity(day)).contains(new BigDecimal("1000000.50"));
        assertThat(store.dayStartEquity(day.plusDays(1))).isEmpty();
    }

    @Test
    void metaSettingsAreUpserted() {
        assertThat(store.meta("paper.initial_krw")).isEmpty();

        store.putMeta("paper.initial_krw", "1000000");
        store.putMeta("paper.initial_krw", "2000000");

        assertThat(store.meta("paper.initial_krw")).contains("2000000");
    }

    @Test
    void decisionEventsComeBackWithTheirDetailsAndKindRiskIsRefused() {
        store.saveDecisionEvent("strategy", "BTC/KRW", "BUY", "ema cross", Map.of("rsi", 42), T0);
        store.saveDecisionEvent("llm_advice", null, "HOLD", null, null, T0);

        assertThatThrownBy(() -> store.saveDecisionEvent("risk", null, "APPROVED", null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        List<DecisionEntry> entries = store.recentDecisions(null, null, 10);
        assertThat(entries).extracting(DecisionEntry::id).containsExactly(2L, 1L);
        assertThat(entries.get(0)).satisfies(d -> {
            assertThat(d.kind()).isEqualTo("llm_advice");
            assertThat(d.symbol()).isNull();
            assertThat(d.reason()).isNull();
            assertThat(d.detailsJson()).isEqualTo("{}");
        });
        assertThat(entries.get(1)).satisfies(d -> {
            assertThat(d.symbol()).isEqualTo(BTC);
            assertThat(d.intentId()).isNull();
            assertThat(d.notional()).isNull();
            assertThat(d.detailsJson()).isEqualTo("{\"rsi\":42}");
        });
    }

    @Test
    void recordsOfTheSameMillisecondComeBackLastSavedFirst() {
        store.appendEvent("a", Map.of(), T0);
        store.appendEvent("b", Map.of(), T0);
        store.appendEvent("older", Map.of(), T0.minusSeconds(1));
        SafetyEvent first = new SafetyEvent(SafetyEventType.RECONCILED, Severity.INFO, null, "first", Map.of(), T0);
        SafetyEvent second = new SafetyEvent(SafetyEventType.RECONCILED, Severity.INFO, null, "second", Map.of(), T0);
        store.saveSafetyEvent(first);
        store.saveSafetyEvent(second);

        assertThat(store.recentEvents(null, 10))
                .extracting(StoredEvent::type, StoredEvent::id)
                .containsExactly(tuple("b", 2L), tuple("a", 1L), tuple("older", 3L));
        assertThat(store.recentSafetyEvents(10)).containsExactly(second, first);
    }

    @Test
    void anEventPayloadThatIsNotJsonIsRefusedAndNothingIsStored() {
        Map<String, Object> payload = Map.of("value", new Object());

        assertThatThrownBy(() -> store.appendEvent("x", payload, T0))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("could not append event: a value cannot be written as JSON");

        assertThat(store.recentEvents(null, 10)).isEmpty();
        store.appendEvent("y", Map.of(), T0);
        assertThat(store.recentEvents(null, 10)).extracting(StoredEvent::id).containsExactly(1L);
    }

    @Test
    void dayStartEquityWrittenWithAnExponentComesBackPlain() {
        LocalDate day = LocalDate.of(2024, 5, 1);

        BigDecimal stored = store.recordDayStartEquity(day, new BigDecimal("1.5E+6"), T0);

        assertThat(stored.toPlainString()).isEqualTo("1500000");
        assertThat(stored.scale()).isZero();
        assertThat(store.dayStartEquity(day)).contains(stored);
    }

    // --- the read model: account snapshots, equity history, last ticks, decisions ---------

    @Test
    void latestAccountSnapshotIsExactlyTheNewestSetEvenWhenTimesRepeat() {
        store.saveAccountSnapshot(
                snapshot(T0, "1000000", List.of(new Position(BTC, new BigDecimal("0.01"), bd("9e7")))));
        // a replay pass gives every symbol's tick the same simulated time
        store.saveAccountSnapshot(snapshot(T0, "999000", List.of()));

        AccountSnapshot latest = store.latestAccountSnapshot().orElseThrow();

        assertThat(latest.positions()).isEmpty();
        assertThat(latest.equity()).isEqualByComparingTo("999000");
        assertThat(latest.balances().of("KRW").free()).isEqualByComparingTo("999000");
        assertThat(latest.balances().balances()).hasSize(1);
        assertThat(latest.time()).isEqualTo(T0);
    }

    @Test
    void latestAccountSnapshotCarriesPositionsAndLockedBalances() {
        store.saveAccountSnapshot(snapshot(T0, "1000000", List.of()));
        Position btc = new Position(BTC, new BigDecimal("0.00123456"), new BigDecimal("95000000"));
        BalanceSnapshot balances = new BalanceSnapshot(
                Map.of(
                        "KRW", new Balance("KRW", bd("880000"), bd("5000")),
                        "BTC", new Balance("BTC", bd("0.00123456"), BigDecimal.ZERO)),
                T0.plusSeconds(60));
        store.saveAccountSnapshot(new AccountSnapshot(balances, List.of(btc), bd("1002281.12"), T0.plusSeconds(60)));

        AccountSnapshot latest = store.latestAccountSnapshot().orElseThrow();

        assertThat(latest.positions()).containsExactly(btc);
        assertThat(latest.balances().of("KRW").locked()).isEqualByComparingTo("5000");
        assertThat(latest.balances().of("BTC").free()).isEqualByComparingTo("0.00123456");
        assertThat(latest.equity()).isEqualByComparingTo("1002281.12");
    }

    @Test
    void noSnapshotMeansEmpty() {
        assertThat(store.latestAccountSnapshot()).isEmpty();
        assertThat(store.equityHistory(10)).isEmpty();
        assertThat(store.lastTicks()).isEmpty();
    }

    @Test
    void equityHistoryIsThinnedEvenlyAndKeepsTheNewestPoint() {
        for (int i = 0; i < 1000; i++) {
            store.saveAccountSnapshot(snapshot(T0.plusSeconds(60L * i), Integer.toString(1_000_000 + i), List.of()));
        }

        List<EquityPoint> points = store.equityHistory(100);

        assertThat(points).hasSizeBetween(90, 101);
        assertThat(points).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
        assertThat(points.get(points.size() - 1).equity()).isEqualByComparingTo("1000999");
        assertThat(points.get(points.size() - 1).time()).isEqualTo(T0.plusSeconds(60L * 999));
        assertThat(store.equityHistory(5000)).hasSize(1000);
    }

    @Test
    void equityHistoryRefusesANonPositiveCount() {
        assertThatThrownBy(() -> store.equityHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastTickIsReplacedPerSymbol() {
        store.recordTick(new TickRecord(BTC, T0, T0.plusMillis(5), "HOLD", bd("95000000"), "hold"));
        store.recordTick(new TickRecord(ETH, T0, T0.plusMillis(6), "API_FAILURE", null, "ticker failed"));
        store.recordTick(new TickRecord(BTC, T0.plusSeconds(3600), T0.plusMillis(9), "ORDER", bd("96000000"), "buy"));

        assertThat(store.lastTicks())
                .containsExactly(
                        new TickRecord(BTC, T0.plusSeconds(3600), T0.plusMillis(9), "ORDER", bd("96000000"), "buy"),
                        new TickRecord(ETH, T0, T0.plusMillis(6), "API_FAILURE", null, "ticker failed"));
    }

    @Test
    void recentDecisionsFilterByKindAndSymbolNewestFirst() {
        store.saveDecisionEvent("strategy", "BTC/KRW", "HOLD", "flat", Map.of("price", 1.5), T0);
        store.saveDecisionEvent("strategy", "ETH/KRW", "BUY", "trend", Map.of("price", 2.5), T0.plusSeconds(1));
        store.saveRiskDecision(new RiskDecisionRecord(
                "i-1",
                BTC,
                Side.BUY,
                bd("100000"),
                RiskDecision.REJECTED,
                "max_positions",
                "too many",
                T0.plusSeconds(2)));

        List<DecisionEntry> all = store.recentDecisions(null, null, 10);
        List<DecisionEntry> btcStrategy = store.recentDecisions("strategy", BTC, 10);
        List<DecisionEntry> risk = store.recentDecisions("risk", null, 10);

        assertThat(all).extracting(DecisionEntry::kind).containsExactly("risk", "strategy", "strategy");
        assertThat(btcStrategy).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo("HOLD");
            assertThat(d.detailsJson()).contains("\"price\":1.5");
            assertThat(d.side()).isNull();
        });
        assertThat(risk).singleElement().satisfies(d -> {
            assertThat(d.intentId()).isEqualTo("i-1");
            assertThat(d.side()).isEqualTo(Side.BUY);
            assertThat(d.notional()).isEqualByComparingTo("100000");
            assertThat(d.check()).isEqualTo("max_positions");
            assertThat(d.decision()).isEqualTo("REJECTED");
        });
        assertThat(store.recentDecisions(null, null, 2)).hasSize(2);
    }

    @Test
    void orderCountCountsEveryOrder() {
        assertThat(store.orderCount()).isZero();
        store.recordOrderUpdate(StateFixtures.order("c-1", "i-1", OrderStatus.OPEN, T0), List.of(), null);
        store.recordOrderUpdate(StateFixtures.order("c-2", "i-2", OrderStatus.FILLED, T0), List.of(), null);
        store.recordOrderUpdate(StateFixtures.order("c-1", "i-1", OrderStatus.CANCELLED, T0), List.of(), null);

        assertThat(store.orderCount()).isEqualTo(2);
    }

    @Test
    void firstDayStartEquityIsTheEarliestDay() {
        assertThat(store.firstDayStartEquity()).isEmpty();
        store.recordDayStartEquity(LocalDate.parse("2024-05-02"), bd("1010000"), T0.plusSeconds(86_400));
        store.recordDayStartEquity(LocalDate.parse("2024-05-01"), bd("1000000"), T0);

        assertThat(store.firstDayStartEquity())
                .hasValueSatisfying(e -> assertThat(e).isEqualByComparingTo("1000000"));
    }

    @Test
    void latestAccountSnapshotIsTheLastSavedEvenWhenOlderAndCarriesItsOwnTime() {
        store.saveAccountSnapshot(snapshot(T0.plusSeconds(60), "1000000", List.of()));
        BalanceSnapshot balances = new BalanceSnapshot(
                Map.of("KRW", new Balance("KRW", bd("990000"), BigDecimal.ZERO)), T0.plusSeconds(5));
        store.saveAccountSnapshot(new AccountSnapshot(balances, List.of(), bd("990000"), T0));

        AccountSnapshot latest = store.latestAccountSnapshot().orElseThrow();

        assertThat(latest.equity()).isEqualByComparingTo("990000");
        assertThat(latest.time()).isEqualTo(T0);
        assertThat(latest.balances().time()).isEqualTo(T0);
    }

    @Test
    void equityHistoryKeepsTheLastSavedSnapshotOfEachSpan() {
        store.saveAccountSnapshot(snapshot(T0, "100", List.of()));
        store.saveAccountSnapshot(snapshot(T0, "101", List.of()));
        store.saveAccountSnapshot(snapshot(T0.plusSeconds(10), "103", List.of()));
        store.saveAccountSnapshot(snapshot(T0.plusSeconds(6), "102", List.of()));

        assertThat(store.equityHistory(2))
                .containsExactly(
                        new EquityPoint(T0, bd("101")),
                        new EquityPoint(T0.plusSeconds(6), bd("102")),
                        new EquityPoint(T0.plusSeconds(10), bd("103")));
        assertThat(store.equityHistory(1))
                .containsExactly(
                        new EquityPoint(T0.plusSeconds(6), bd("102")), new EquityPoint(T0.plusSeconds(10), bd("103")));
    }

    private static void tryToClear(List<?> list) {
        try {
            list.clear();
        } catch (UnsupportedOperationException e) {
            // an unmodifiable list protects the store too
        }
    }

    private static AccountSnapshot snapshot(Instant time, String krw, List<Position> positions) {
        BalanceSnapshot balances =
                new BalanceSnapshot(Map.of("KRW", new Balance("KRW", bd(krw), BigDecimal.ZERO)), time);
        return new AccountSnapshot(balances, positions, bd(krw), time);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
