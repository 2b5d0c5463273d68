package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Side;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders that finish on the real tick pipeline (SQLite, paper broker, engine, risk): timeouts,
 * sells placed again, protective exits, dust, the capital cap and order spacing.
 */
class OrderUpkeepTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");

    @TempDir
    Path dir;

    private TickHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private TickHarness harness(TickHarness.Options options) {
        h = new TickHarness(dir, options);
        return h;
    }

    private List<Order> orders() {
        List<Order> oldestFirst = new java.util.ArrayList<>(h.store.recentOrders(100, 0));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private TickReport tickAfter(Duration wait, SignalType signal, String price) {
        h.clock.advance(wait);
        h.exchange.price(BTC, price);
        h.strategy.next = signal;
        return h.ticks.tick(BTC);
    }

    /** Buys at a price on the grid, so the paper broker fills at once. */
    private void holdBitcoinBoughtAt(String price) {
        h.exchange.price(BTC, price);
        h.strategy.next = SignalType.BUY;
        assertThat(h.ticks.tick(BTC).detail()).endsWith("filled");
    }

    @Nested
    class Timeouts {

        @Test
        void aBuyThePriceRanAwayFromIsCancelledAtItsTimeoutAndTheSymbolTradesAgain() {
            harness(TickHarness.Options.of("1000000")).exchange.price(BTC, "100000500");
            h.strategy.next = SignalType.BUY;
            assertThat(h.ticks.tick(BTC).detail()).endsWith("-> open");

            TickReport before = tickAfter(Duration.ofSeconds(599), SignalType.HOLD, "100500000");
            assertThat(before.detail()).doesNotContain("timed out");
            assertThat(h.store.openOrders()).hasSize(1);

            TickReport expired = tickAfter(Duration.ofSeconds(1), SignalType.HOLD, "100500000");

            assertThat(expired.detail()).startsWith("timed out BUY 0.00100000 @ 100,000,000 after 10 min: cancelled");
            Order cancelled = orders().get(0);
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.statusReason())
                    .isEqualTo("cancelled: timeout: BUY open 10 min (BUY_ORDER_TIMEOUT_SEC=600)");
            assertThat(h.broker.balances().of("KRW").locked()).isZero();

            TickReport again = tickAfter(Duration.ofHours(1), SignalType.BUY, "100500000");
            assertThat(again.action()).isEqualTo(TickAction.ORDER);
            assertThat(orders()).hasSize(2);
        }

        @Test
        void aSellThatTimedOutIsPlacedAgainAtTheCurrentPriceAndTheExitCompletes() {
            harness(TickHarness.Options.of("1000000"));
            holdBitcoinBoughtAt("100000000");
            TickReport sell = tickAfter(Duration.ofHours(1), SignalType.SELL, "100000500");
            assertThat(sell.detail()).contains("LIMIT SELL 0.00100000 @ 100,001,000 -> open");

            TickReport again = tickAfter(Duration.ofSeconds(600), SignalType.HOLD, "99500500");

            assertThat(again.action()).isEqualTo(TickAction.ORDER);
            assertThat(again.detail())
                    .startsWith("timed out SELL 0.00100000 @ 100,001,000 after 10 min: cancelled; "
                            + "sell again after a timeout (attempt 2): LIMIT SELL 0.00100000 @ 99,500,000 -> filled");
            List<Order> all = orders();
            assertThat(all)
                    .extracting(Order::side, Order::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Side.BUY, OrderStatus.FILLED),
                            org.assertj.core.groups.Tuple.tuple(Side.SELL, OrderStatus.CANCELLED),
                            org.assertj.core.groups.Tuple.tuple(Side.SELL, OrderStatus.FILLED));
            assertThat(all.get(2).intentId()).isEqualTo(all.get(1).intentId() + "|attempt-2");
            assertThat(h.broker.positions()).isEmpty();

            TickReport after = tickAfter(Duration.ofSeconds(600), SignalType.HOLD, "99000000");
            assertThat(after.action()).isEqualTo(TickAction.HOLD);
            assertThat(orders()).hasSize(3);
        }

        @Test
        void aSellThatTimedOutWhileTheKillSwitchWasOnIsPlacedAgainOnceItIsReleased() {
            harness(TickHarness.Options.of("1000000"));
            holdBitcoinBoughtAt("100000000");
            tickAfter(Duration.ofHours(1), SignalType.SELL, "100000500");
            h.killSwitch.activate("hold the exit", "test");
            h.clock.advance(Duration.ofSeconds(600));
            h.killSwitch.release("test");
            // the kill switch kept the tick from running: the sell is cancelled now and placed again
            TickReport second = tickAfter(Duration.ZERO, SignalType.HOLD, "99500500");
            assertThat(second.detail()).contains("(attempt 2)").endsWith("-> filled");

            assertThat(orders().get(2).intentId()).endsWith("|attempt-2");
        }

        @Test
        void anAttemptThatNeverReachedTheExchangeIsSkippedAndTheSellIsPlacedAgainUnderTheNextNumber() {
            harness(TickHarness.Options.of("1000000"));
            holdBitcoinBoughtAt("100000000");
            tickAfter(Duration.ofHours(1), SignalType.SELL, "100000500");
            Order first = h.store.openOrders().get(0);
            // a run cancelled the sell for its timeout and wrote attempt 2 ahead, then died before its POST;
            // the restarted run found no such order and gave the intent up
            h.engine.cancel(first.clientOrderId(), OrderTimeouts.REASON + ": SELL open 10 min");
            OrderIntent second = new OrderIntent(
                    first.intentId() + "|attempt-2",
                    "scripted",
                    BTC,
                    Side.SELL,
                    OrderType.LIMIT,
                    new BigDecimal("99500000"),
                    first.quantity(),
                    "sell again after a timeout (attempt 2)",
                    h.clock.instant(),
                    false);
            h.store.insertIntent(new io.cointrader.state.IntentRecord(
                    second, h.engine.clientOrderId(second), IntentState.SUBMITTING, h.clock.instant()));
            h.store.updateIntentState(second.intentId(), IntentState.NOT_PLACED, h.clock.instant());

            TickReport third = tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "99500500");

            assertThat(third.action()).isEqualTo(TickAction.ORDER);
            assertThat(third.detail()).contains("(attempt 3)").endsWith("-> filled");
            assertThat(orders().get(2).intentId()).isEqualTo(first.intentId() + "|attempt-3");
            assertThat(h.broker.positions()).isEmpty();
        }

        @Test
        void aBuyLeftOpenWhileTheKillSwitchIsOnIsCancelledOnTheFirstTickAfterItIsReleased() {
            harness(TickHarness.Options.of("1000000")).exchange.price(BTC, "100000500");
            h.strategy.next = SignalType.BUY;
            h.ticks.tick(BTC);
            h.killSwitch.activate("pause", "test");
            assertThat(tickAfter(Duration.ofHours(2), SignalType.HOLD, "100500000")
                            .action())
                    .isEqualTo(TickAction.KILL_SWITCH);
            h.killSwitch.release("test");

            assertThat(tickAfter(Duration.ZERO, SignalType.HOLD, "100500000").detail())
                    .startsWith("timed out BUY");
            assertThat(h.store.openOrders()).isEmpty();
        }
    }

    @Nested
    class ProtectiveExitsOnTheTick {

        @Test
        void aStopLossSellsTheWholePositionOnceAndOnlyOnce() {
            harness(TickHarness.Options.of("1000000").exits("5", "0", "0"));
            holdBitcoinBoughtAt("100000000");
            // the entry carries the buy fee: 100,050,000; 5 % below is 95,047,500
            assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "95048000")
                            .action())
                    .isEqualTo(TickAction.HOLD);

            TickReport exit = tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "95047000");

            assertThat(exit.action()).isEqualTo(TickAction.ORDER);
            assertThat(exit.detail())
                    .isEqualTo("stop-loss 5 %: 95,047,000 vs entry 100,050,000: LIMIT SELL 0.00100000 @ 95,047,000"
                            + " -> filled");
            Order sell = orders().get(1);
            assertThat(sell.intentId()).endsWith("|stop-loss");
            assertThat(h.store
                            .findIntent(sell.intentId())
                            .orElseThrow()
                            .intent()
                            .reason())
                    .startsWith("stop-loss 5 %");
            for (int i = 0; i < 3; i++) {
                assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "90000000")
                                .action())
                        .isEqualTo(TickAction.HOLD);
            }
            assertThat(orders()).hasSize(2);
        }

        @Test
        void aTakeProfitSellsOnceThePriceReachesItsTarget() {
            harness(TickHarness.Options.of("1000000").exits("0", "10", "0"));
            holdBitcoinBoughtAt("100000000");
            assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "110054000")
                            .action())
                    .isEqualTo(TickAction.HOLD);

            TickReport exit = tickAfter(Duration.ofMinutes(1), SignalType.BUY, "110055000");

            assertThat(exit.detail()).startsWith("take-profit 10 %: 110,055,000 vs entry 100,050,000: LIMIT SELL");
            assertThat(h.broker.positions()).isEmpty();
            assertThat(orders()).hasSize(2);
        }

        @Test
        void aTrailingStopFollowsTheHighestPriceSinceEntry() {
            harness(TickHarness.Options.of("1000000").exits("0", "0", "3"));
            holdBitcoinBoughtAt("100000000");
            tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "110000000");
            tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "108000000");
            // 3 % below the high of 110,000,000 is 106,700,000
            assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "106701000")
                            .action())
                    .isEqualTo(TickAction.HOLD);

            TickReport exit = tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "106700000");

            assertThat(exit.detail()).startsWith("trailing stop 3 %: 106,700,000 vs high 110,000,000: LIMIT SELL");
            assertThat(orders()).hasSize(2);
            assertThat(h.store.meta("exits.trailing_high.BTC/KRW"))
                    .as("forgotten once the position is closed")
                    .hasValue("110000000");
            tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "106000000");
            assertThat(h.store.meta("exits.trailing_high.BTC/KRW")).hasValue("");
        }

        @Test
        void theHighestPriceSurvivesARestart() {
            harness(TickHarness.Options.of("1000000").exits("0", "0", "3"));
            holdBitcoinBoughtAt("100000000");
            tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "110000000");

            ProtectiveExits restarted = new ProtectiveExits(
                    new io.cointrader.config.ExitSettings(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("3")),
                    h.store);

            assertThat(restarted.high(BTC))
                    .hasValueSatisfying(high -> assertThat(high).isEqualByComparingTo("110000000"));
            assertThat(restarted.check(h.broker.positions().get(0), new BigDecimal("106700000")))
                    .hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo("trailing-stop"));
        }

        @Test
        void theKillSwitchStopsAnExitLikeAnyOrder() {
            harness(TickHarness.Options.of("1000000").exits("5", "0", "0"));
            holdBitcoinBoughtAt("100000000");
            h.killSwitch.activate("stop", "test");

            assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "90000000")
                            .action())
                    .isEqualTo(TickAction.KILL_SWITCH);
            assertThat(orders()).hasSize(1);
        }

        @Test
        void exitsAreOffByDefault() {
            harness(TickHarness.Options.of("1000000"));
            holdBitcoinBoughtAt("100000000");

            assertThat(tickAfter(Duration.ofMinutes(1), SignalType.HOLD, "86000000")
                            .action())
                    .isEqualTo(TickAction.HOLD);
            assertThat(orders()).hasSize(1);
        }
    }

    @Nested
    class Dust {

        /** A holding worth 3,000 KRW at 100,000,000, bought outside the planner's minimum. */
        private void holdDust() {
            h.exchange.price(BTC, "100000000");
            h.ticks.tick(BTC);
            h.engine.execute(
                    new OrderIntent(
                            "dust-buy",
                            "test",
                            BTC,
                            Side.BUY,
                            OrderType.LIMIT,
                            new BigDecimal("100000000"),
                            new BigDecimal("0.00003"),
                            "leave dust",
                            h.clock.instant(),
                            false),
                    new io.cointrader.execution.AccountState(
                            new BigDecimal("1000000"),
                            new BigDecimal("1000000"),
                            new BigDecimal("100000000"),
                            java.util.Map.of(),
                            List.of()));
            assertThat(h.broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity())
                    .isEqualByComparingTo("0.00003"));
        }

        @Test
        void dustBlocksNoBuyOfItsSymbol() {
            harness(TickHarness.Options.of("1000000"));
            holdDust();

            TickReport buy = tickAfter(Duration.ofHours(1), SignalType.BUY, "100000000");

            assertThat(buy.action()).isEqualTo(TickAction.ORDER);
            assertThat(h.broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity())
                    .isEqualByComparingTo("0.00102999"));
        }

        @Test
        void dustIsNeverOfferedForSale() {
            harness(TickHarness.Options.of("1000000"));
            holdDust();

            TickReport sell = tickAfter(Duration.ofHours(1), SignalType.SELL, "100000000");

            assertThat(sell.action()).isEqualTo(TickAction.NO_ORDER);
            assertThat(sell.detail()).contains("dust");
            assertThat(h.store.openOrders()).isEmpty();
        }

        @Test
        void dustStaysInTheEquity() {
            harness(TickHarness.Options.of("1000000"));
            holdDust();

            tickAfter(Duration.ofHours(1), SignalType.HOLD, "100000000");

            assertThat(h.store.latestAccountSnapshot().orElseThrow().equity())
                    .isEqualByComparingTo(new BigDecimal("1000000").subtract(new BigDecimal("1.5")));
        }
    }

    @Nested
    class UnresolvedBuys {

        @Test
        void aBuyWhosePlacementWentUnansweredBlocksNewBuysOfItsSymbolUntilItIsResolved() {
            harness(TickHarness.Options.of("1000000")).exchange.price(BTC, "100000000");
            OrderIntent unanswered = new OrderIntent(
                    "scripted|BTC/KRW|BUY|2025-10-21T09:00:00Z",
                    "scripted",
                    BTC,
                    Side.BUY,
                    OrderType.LIMIT,
                    new BigDecimal("100000000"),
                    new BigDecimal("0.001"),
                    "t",
                    h.clock.instant(),
                    false);
            h.store.insertIntent(
                    new io.cointrader.state.IntentRecord(unanswered, "ct-x", IntentState.UNKNOWN, h.clock.instant()));

            TickReport blocked = tickAfter(Duration.ofHours(1), SignalType.BUY, "100000000");
            assertThat(blocked.action()).isEqualTo(TickAction.NO_ORDER);
            assertThat(blocked.detail()).contains("went unanswered");

            h.store.updateIntentState(unanswered.intentId(), IntentState.NOT_PLACED, h.clock.instant());
            assertThat(tickAfter(Duration.ofHours(1), SignalType.BUY, "100000000")
                            .action())
                    .isEqualTo(TickAction.ORDER);
        }
    }

    @Nested
    class Capital {

        @Test
        void buysAreSizedOnTheCappedCapitalAndStopWhereTheCapWouldBeExceeded() {
            harness(TickHarness.Options.of("1000000").capital("60", "10000"));
            h.exchange.price(BTC, "100000000").price(ETH, "5000000");
            h.strategy.next = SignalType.BUY;
            TickReport first = h.ticks.tick(BTC);
            assertThat(first.detail()).contains("LIMIT BUY 0.00006000 @ 100,000,000");

            TickReport second = h.ticks.tick(ETH);

            assertThat(second.action()).isEqualTo(TickAction.NO_ORDER);
            assertThat(second.detail()).contains("below the minimum 5000 (MAX_CAPITAL_KRW 10000, invested 6000)");
        }
    }

    @Nested
    class Spacing {

        @Test
        void twoOrdersOfOnePassAreSpacedByASecondInsteadOfRefused() {
            harness(TickHarness.Options.of("1000000"));
            h.exchange.price(BTC, "100000000").price(ETH, "5000000");
            h.strategy.next = SignalType.BUY;

            TickReport btc = h.ticks.tick(BTC);
            TickReport eth = h.ticks.tick(ETH);

            assertThat(btc.action()).isEqualTo(TickAction.ORDER);
            assertThat(eth.action()).isEqualTo(TickAction.ORDER);
            List<Order> placed = orders();
            assertThat(Duration.between(placed.get(0).createdAt(), placed.get(1).createdAt()))
                    .isEqualTo(Duration.ofSeconds(1));
            assertThat(h.store.intentsIn(java.util.EnumSet.of(IntentState.PLACED)))
                    .hasSize(2);
        }
    }
}
