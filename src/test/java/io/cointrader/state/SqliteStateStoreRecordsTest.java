package io.cointrader.state;

import static io.cointrader.state.StateFixtures.BTC;
import static io.cointrader.state.StateFixtures.T0;
import static io.cointrader.state.StateFixtures.count;
import static io.cointrader.state.StateFixtures.rawConnection;
import static io.cointrader.state.StateFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records in SQLite: the stored columns and restarts. What any store must do is in {@link
 * StateStoreContract}.
 */
class SqliteStateStoreRecordsTest {

    private static final Symbol ETH = Symbol.parse("ETH/KRW");

    @TempDir
    Path dir;

    private Path file;
    private SqliteStateStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("state.db");
        store = SqliteStateStore.open(file);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void decisionEventsAreStoredWithTheirDetails() throws SQLException {
        store.saveDecisionEvent("strategy", "BTC/KRW", "BUY", "ema cross", Map.of("rsi", 42), T0);
        store.saveDecisionEvent("llm_advice", null, "HOLD", null, null, T0);

        try (Connection c = rawConnection(file)) {
            assertThat(text(
                            c,
                            "SELECT kind || '|' || symbol || '|' || decision || '|' || reason || '|' || details_json"
                                    + " FROM decisions_log WHERE kind = 'strategy'"))
                    .isEqualTo("strategy|BTC/KRW|BUY|ema cross|{\"rsi\":42}");
            assertThat(count(c, "SELECT count(*) FROM decisions_log WHERE kind = 'llm_advice' AND symbol IS NULL"))
                    .isOne();
        }
        assertThatThrownBy(() -> store.saveDecisionEvent("risk", null, "APPROVED", null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void savesBalanceAndPositionSnapshotsExactly() throws SQLException {
        store.saveBalanceSnapshot(new BalanceSnapshot(
                Map.of(
                        "KRW", new Balance("KRW", new BigDecimal("1000000.0000"), new BigDecimal("5000")),
                        "BTC", new Balance("BTC", new BigDecimal("0.00012300"), BigDecimal.ZERO)),
                T0));
        store.savePositionsSnapshot(
                List.of(new Position(BTC, new BigDecimal("0.00012300"), new BigDecimal("95000000.5"))), T0);
        store.savePositionsSnapshot(List.of(), T0.plusSeconds(1));

        try (Connection c = rawConnection(file)) {
            assertThat(text(
                            c,
                            "SELECT group_concat(currency || ':' || free || ':' || locked || ':' || time_ms, ' ')"
                                    + " FROM (SELECT * FROM balances_snapshot ORDER BY currency)"))
                    .isEqualTo("BTC:0.00012300:0:" + T0.toEpochMilli() + " KRW:1000000.0000:5000:" + T0.toEpochMilli());
            assertThat(text(c, "SELECT symbol || ':' || quantity || ':' || average_price FROM positions_snapshot"))
                    .isEqualTo("BTC/KRW:0.00012300:95000000.5");
            assertThat(count(c, "SELECT count(*) FROM positions_snapshot")).isOne();
        }
    }

    @Test
    void recordsSurviveARestart() {
        RiskDecisionRecord decision =
                new RiskDecisionRecord("i-1", BTC, Side.SELL, BigDecimal.TEN, RiskDecision.APPROVED, "ALL", "ok", T0);
        SafetyEvent event =
                new SafetyEvent(SafetyEventType.RECONCILED, Severity.INFO, ETH, "reconciled", Map.of("n", "1"), T0);
        LocalDate day = LocalDate.of(2024, 5, 1);
        store.appendEvent("start", Map.of("mode", "paper"), T0);
        store.saveRiskDecision(decision);
        store.saveSafetyEvent(event);
        store.recordDayStartEquity(day, new BigDecimal("123.4500"), T0);
        store.putMeta("k", "v");
        store.close();

        store = SqliteStateStore.open(file);

        assertThat(store.recentEvents("start", 5)).singleElement().satisfies(e -> {
            assertThat(e.payloadJson()).isEqualTo("{\"mode\":\"paper\"}");
            assertThat(e.time()).isEqualTo(T0);
        });
        assertThat(store.recentRiskDecisions(5)).containsExactly(decision);
        assertThat(store.recentSafetyEvents(5)).containsExactly(event);
        assertThat(store.dayStartEquity(day)).contains(new BigDecimal("123.4500"));
        assertThat(store.meta("k")).contains("v");
    }
}
