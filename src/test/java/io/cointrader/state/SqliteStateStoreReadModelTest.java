package io.cointrader.state;

import static io.cointrader.state.StateFixtures.BTC;
import static io.cointrader.state.StateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries the dashboard reads: account snapshots, equity history, last ticks, decisions. */
class SqliteStateStoreReadModelTest {

    private static final Symbol ETH = Symbol.parse("ETH/KRW");

    @TempDir
    Path dir;

    private SqliteStateStore store;

    @BeforeEach
    void openStore() {
        store = SqliteStateStore.open(dir.resolve("state.db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

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

    private static AccountSnapshot snapshot(Instant time, String krw, List<Position> positions) {
        BalanceSnapshot balances =
                new BalanceSnapshot(Map.of("KRW", new Balance("KRW", bd(krw), BigDecimal.ZERO)), time);
        return new AccountSnapshot(balances, positions, bd(krw), time);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
