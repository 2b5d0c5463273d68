package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Order;
import io.cointrader.core.OrderType;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickProcessorTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");

    @TempDir
    Path dir;

    private TickHarness h;

    private TickHarness harness(String initialKrw) {
        h = new TickHarness(dir, initialKrw);
        return h;
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private List<Order> orders() {
        return h.store.recentOrders(100, 0);
    }

    private List<SafetyEventType> safetyTypes() {
        return h.store.recentSafetyEvents(100).stream().map(SafetyEvent::type).toList();
    }

    @Test
    void killSwitchOnMeansNothingHappens() {
        harness("1000000").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;
        h.killSwitch.activate("test", "test");

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.KILL_SWITCH);
        assertThat(h.exchange.tickerCalls).isZero();
        assertThat(h.strategy.calls).isZero();
        assertThat(orders()).isEmpty();
    }

    @Test
    void apiFailuresUpToTheThresholdTurnTheKillSwitchOnAndSaveASafetyEvent() {
        harness("1000000").exchange.price(BTC, "100000000").failNextTickers(5);

        for (int i = 1; i <= 4; i++) {
            assertThat(h.ticks.tick(BTC).action()).isEqualTo(TickAction.API_FAILURE);
            assertThat(h.killSwitch.isActive()).as("after failure %d", i).isFalse();
        }
        TickReport fifth = h.ticks.tick(BTC);

        assertThat(fifth.action()).isEqualTo(TickAction.API_FAILURE);
        assertThat(h.killSwitch.isActive()).isTrue();
        assertThat(safetyTypes()).containsExactly(SafetyEventType.API_FAILURE_THRESHOLD);
        assertThat(h.ticks.tick(BTC).action()).isEqualTo(TickAction.KILL_SWITCH);
    }

    @Test
    void aSuccessfulTickerResetsTheFailureCount() {
        harness("1000000").exchange.price(BTC, "100000000").failNextTickers(4);
        for (int i = 0; i < 4; i++) {
            h.ticks.tick(BTC);
        }
        h.ticks.tick(BTC);
        h.exchange.failNextTickers(4);
        for (int i = 0; i < 4; i++) {
            h.ticks.tick(BTC);
        }

        assertThat(h.killSwitch.isActive()).isFalse();
        assertThat(safetyTypes()).isEmpty();
    }

    @Test
    void refusedCredentialsAreOneCriticalEventWithAHintUntilATickGoesThroughAgain() {
        harness("1000000").exchange.price(BTC, "100000000").refuseNextTickers(2);

        TickReport first = h.ticks.tick(BTC);
        TickReport second = h.ticks.tick(BTC);
        TickReport through = h.ticks.tick(BTC);
        h.exchange.refuseNextTickers(1);
        h.ticks.tick(BTC);

        assertThat(first.action()).isEqualTo(TickAction.API_FAILURE);
        assertThat(first.detail())
                .contains("ticker failed: the exchange refused our credentials", "expired_access_key")
                .contains("rerun trader encrypt-keys", "allow-list", "permission");
        assertThat(second.action()).isEqualTo(TickAction.API_FAILURE);
        assertThat(through.action()).isEqualTo(TickAction.HOLD);
        List<SafetyEvent> auth = h.store.recentSafetyEvents(100).stream()
                .filter(e -> e.type() == SafetyEventType.AUTH_FAILED)
                .toList();
        assertThat(auth).hasSize(2).allSatisfy(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void aTenPercentJumpIsASafetyEventAndTradingContinues() {
        harness("1000000").exchange.price(BTC, "100000000").prevClose(BTC, "100000000");
        h.ticks.tick(BTC);
        h.exchange.price(BTC, "110000000");
        h.strategy.next = SignalType.BUY;

        TickReport report = h.ticks.tick(BTC);

        assertThat(safetyTypes()).contains(SafetyEventType.PRICE_ANOMALY);
        assertThat(report.action()).isEqualTo(TickAction.ORDER);
        assertThat(h.killSwitch.isActive()).isFalse();
    }

    @Test
    void fifteenPercentAwayFromThePreviousCloseSkipsTheTick() {
        harness("1000000").exchange.price(BTC, "115000000").prevClose(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.CIRCUIT_BREAKER);
        assertThat(h.strategy.calls).isZero();
        assertThat(orders()).isEmpty();
        assertThat(safetyTypes()).contains(SafetyEventType.CIRCUIT_BREAKER);
    }

    @Test
    void justUnderFifteenPercentTrades() {
        harness("1000000").exchange.price(BTC, "114999000").prevClose(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        assertThat(h.ticks.tick(BTC).action()).isEqualTo(TickAction.ORDER);
    }

    @Test
    void buyPlacesOneLimitOrderSizedByEquityOnTheTickGridWithVolumeFlooredToEightDecimals() {
        harness("1000000").exchange.price(BTC, "123456789");
        h.strategy.next = SignalType.BUY;

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.ORDER);
        assertThat(orders()).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(OrderType.LIMIT);
            assertThat(o.side()).isEqualTo(Side.BUY);
            // tick for prices >= 1,000,000 KRW is 1,000: 123,456,789 -> 123,456,000
            assertThat(o.price()).isEqualByComparingTo("123456000");
            // 10 % of 1,000,000 = 100,000 KRW / 123,456,000 floored to 8 decimals
            assertThat(o.quantity()).isEqualByComparingTo("0.00081000");
            assertThat(o.quantity().scale()).isLessThanOrEqualTo(8);
        });
    }

    @Test
    void buyVolumeIsFlooredNotRounded() {
        harness("1000000").exchange.price(BTC, "3333");
        h.strategy.next = SignalType.BUY;

        h.ticks.tick(BTC);

        // 100,000 / 3,333 = 30.003000300030003 -> 30.00300030
        assertThat(orders()).singleElement().satisfies(o -> assertThat(o.quantity())
                .isEqualByComparingTo("30.00300030"));
    }

    @Test
    void nothingIsOrderedBelowTheFiveThousandWonMinimum() {
        harness("49990").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.NO_ORDER);
        assertThat(report.detail()).contains("minimum");
        assertThat(orders()).isEmpty();
    }

    @Test
    void sellSellsTheWholePosition() {
        harness("1000000").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;
        h.ticks.tick(BTC);
        h.clock.advance(Duration.ofHours(1));
        h.strategy.next = SignalType.SELL;

        TickReport report = h.ticks.tick(BTC);

        assertThat(report.action()).isEqualTo(TickAction.ORDER);
        Order sell =
                orders().stream().filter(o -> o.side() == Side.SELL).findFirst().orElseThrow();
        assertThat(sell.quantity()).isEqualByComparingTo("0.001");
        assertThat(h.broker.positions()).isEmpty();
    }

    @Test
    void sellWithoutAPositionOrdersNothing() {
        harness("1000000").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.SELL;

        assertThat(h.ticks.tick(BTC).action()).isEqualTo(TickAction.NO_ORDER);
        assertThat(orders()).isEmpty();
    }

    @Test
    void holdOrdersNothing() {
        harness("1000000").exchange.price(BTC, "100000000");

        assertThat(h.ticks.tick(BTC).action()).isEqualTo(TickAction.HOLD);
        assertThat(orders()).isEmpty();
        assertThat(h.store.intentsIn(java.util.EnumSet.allOf(io.cointrader.core.IntentState.class)))
                .isEmpty();
    }

    @Test
    void theSameBuySignalTwiceWithinOneCandleGivesOneOrder() {
        harness("1000000").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;

        TickReport first = h.ticks.tick(BTC);
        h.clock.advance(Duration.ofMinutes(10));
        TickReport second = h.ticks.tick(BTC);

        assertThat(first.action()).isEqualTo(TickAction.ORDER);
        assertThat(second.action()).isEqualTo(TickAction.NO_ORDER);
        assertThat(second.detail()).contains("already in BTC/KRW");
        assertThat(orders()).hasSize(1);
    }

    @Test
    void aBuySignalWhileHoldingIsNotARiskRejection() {
        harness("1000000").exchange.price(BTC, "100000000");
        h.strategy.next = SignalType.BUY;
        h.ticks.tick(BTC);
        h.clock.advance(Duration.ofHours(1));

        TickReport later = h.ticks.tick(BTC);

        assertThat(later.action()).isEqualTo(TickAction.NO_ORDER);
        assertThat(h.store.recentRiskDecisions(10)).hasSize(1).allMatch(d -> d.approved());
        assertThat(orders()).hasSize(1);
    }

    @Test
    void aBanByTheExchangeIsAlertedOnceNotOnEveryTick() {
        harness("1000000")
                .exchange
                .price(BTC, "100000000")
                .bannedUntil(h.clock.instant().plusSeconds(60));

        h.ticks.tick(BTC);
        h.ticks.tick(BTC);

        assertThat(safetyTypes()).containsOnlyOnce(SafetyEventType.EXCHANGE_BAN);
    }
}
