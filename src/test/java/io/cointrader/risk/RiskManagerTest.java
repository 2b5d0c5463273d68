package io.cointrader.risk;

import static io.cointrader.risk.RiskFixtures.BTC;
import static io.cointrader.risk.RiskFixtures.ETH;
import static io.cointrader.risk.RiskFixtures.NOW;
import static io.cointrader.risk.RiskFixtures.limit;
import static io.cointrader.risk.RiskFixtures.market;
import static io.cointrader.risk.RiskFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RiskManagerTest {

    private final RiskManager manager = new RiskManager(RiskLimits.defaults());

    private static void assertRejectedBy(RiskDecisionRecord decision, RiskCheck check) {
        assertThat(decision.decision()).isEqualTo(RiskDecision.REJECTED);
        assertThat(decision.check()).isEqualTo(check.name());
    }

    private static void assertApproved(RiskDecisionRecord decision) {
        assertThat(decision.approved()).as(decision.reason()).isTrue();
        assertThat(decision.check()).isEqualTo(RiskCheck.ALL);
    }

    @Test
    void approvesLimitBuyWithinAllLimitsAndRecordsTheVerdict() {
        RiskDecisionRecord decision = manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state().build(), NOW);

        assertApproved(decision);
        assertThat(decision.reason()).isEqualTo("all checks passed");
        assertThat(decision.intentId()).isEqualTo("intent-1");
        assertThat(decision.symbol()).isEqualTo(BTC);
        assertThat(decision.side()).isEqualTo(Side.BUY);
        assertThat(decision.notional()).isEqualByComparingTo("50000");
        assertThat(decision.time()).isEqualTo(NOW);
    }

    @Test
    void firstFailingCheckWins() {
        Symbol perpetual = new Symbol("BTC", "USDT", "USDT");
        RiskState state = state().orders(5, 500).build();

        assertRejectedBy(manager.validate(market(perpetual, Side.BUY, "1"), state, NOW), RiskCheck.MARKET_ORDER);
        assertRejectedBy(
                manager.validate(limit(perpetual, Side.BUY, "50000000", "0.001"), state, NOW), RiskCheck.ORDER_RATE);
    }

    @Nested
    class MarketOrders {

        @Test
        void rejectsMarketOrderByDefault() {
            RiskDecisionRecord decision = manager.validate(market(BTC, Side.BUY, "0.001"), state().build(), NOW);

            assertRejectedBy(decision, RiskCheck.MARKET_ORDER);
            assertThat(decision.reason()).contains("only limit orders");
        }

        @Test
        void allowsMarketOrderWhenConfiguredAndValuesItAtTheMarketPrice() {
            RiskLimits limits = new RiskLimits(BigDecimal.TEN, 5, BigDecimal.valueOf(5), 1, 100, 50, true, false, 1);

            RiskDecisionRecord decision =
                    new RiskManager(limits).validate(market(BTC, Side.BUY, "0.001"), state().build(), NOW);

            assertApproved(decision);
            assertThat(decision.notional()).isEqualByComparingTo("50000");
        }
    }

    @Nested
    class PositionSize {

        @Test
        void allowsBuyThatFillsTheLimitExactly() {
            RiskState state = state().position("0.001", "50000").held(BTC).build();

            assertApproved(manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW));
        }

        @Test
        void rejectsBuyOneSatoshiOverTheLimitAndSaysByHowMuch() {
            RiskState state = state().position("0.001", "50000").held(BTC).build();

            RiskDecisionRecord decision = manager.validate(limit(BTC, Side.BUY, "50000000", "0.00100001"), state, NOW);

            assertRejectedBy(decision, RiskCheck.POSITION_SIZE);
            assertThat(decision.reason())
                    .isEqualTo("position 50,000 + open buys 0 + order 50,000.5 = 100,000.5 KRW exceeds 10% of"
                            + " equity 1,000,000 KRW (100,000 KRW)");
        }

        @Test
        void countsOpenBuyOrdersTowardsThePosition() {
            RiskState state = state().pendingBuys("60000").held(BTC).build();

            RiskDecisionRecord decision = manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW);

            assertRejectedBy(decision, RiskCheck.POSITION_SIZE);
            assertThat(decision.reason()).contains("position 0 + open buys 60,000 + order 50,000 = 110,000 KRW");
        }

        @Test
        void rejectsBuyWhenEquityIsZeroOrNegative() {
            for (String equity : new String[] {"0", "-1"}) {
                RiskDecisionRecord decision = manager.validate(
                        limit(BTC, Side.BUY, "50000000", "0.0001"),
                        state().equity(equity, "1000000").build(),
                        NOW);

                assertRejectedBy(decision, RiskCheck.POSITION_SIZE);
                assertThat(decision.reason()).contains("total equity " + equity + " KRW is not positive");
            }
        }

        @Test
        void doesNotLimitSells() {
            RiskState state = state().position("0.01", "500000").held(BTC).build();

            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.01"), state, NOW));
        }
    }

    @Nested
    class MaxPositions {

        private final Symbol[] fiveOthers = {
            ETH, Symbol.parse("XRP/KRW"), Symbol.parse("SOL/KRW"), Symbol.parse("ADA/KRW"), Symbol.parse("DOGE/KRW")
        };

        @Test
        void rejectsBuyOfANewSymbolWhenTheMaximumIsHeld() {
            RiskDecisionRecord decision = manager.validate(
                    limit(BTC, Side.BUY, "50000000", "0.001"),
                    state().held(fiveOthers).build(),
                    NOW);

            assertRejectedBy(decision, RiskCheck.MAX_POSITIONS);
            assertThat(decision.reason()).contains("5 are held; the limit is 5");
        }

        @Test
        void allowsBuyOfAnAlreadyHeldSymbolAtTheMaximum() {
            Symbol[] held = fiveOthers.clone();
            held[0] = BTC;

            assertApproved(manager.validate(
                    limit(BTC, Side.BUY, "50000000", "0.001"),
                    state().held(held).build(),
                    NOW));
        }

        @Test
        void allowsBuyOfANewSymbolBelowTheMaximum() {
            RiskState state = state().held(fiveOthers[0], fiveOthers[1], fiveOthers[2], fiveOthers[3])
                    .build();

            assertApproved(manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW));
        }
    }

    @Nested
    class DailyLoss {

        @Test
        void rejectsBuyWhenDailyLossLimitReachedExactly() {
            RiskState state = state().equity("950000", "1000000").build();

            RiskDecisionRecord decision = manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW);

            assertRejectedBy(decision, RiskCheck.DAILY_LOSS);
            assertThat(decision.reason())
                    .isEqualTo("today's loss 50,000 KRW is 5% of day-start equity 1,000,000 KRW, reaching the daily"
                            + " limit of 5%; buys are refused until the next trading day");
        }

        @Test
        void allowsBuyJustBelowTheDailyLossLimit() {
            RiskState state = state().equity("950000.01", "1000000").build();

            assertApproved(manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW));
        }

        @Test
        void allowsBuyAfterAGain() {
            RiskState state = state().equity("1200000", "1000000").build();

            assertThat(state.todayPnl()).isEqualByComparingTo("200000");
            assertApproved(manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW));
        }

        @Test
        void stillAllowsReducingSellBeyondTheDailyLossLimit() {
            RiskState state = state().equity("500000", "1000000")
                    .position("0.002", "100000")
                    .held(BTC)
                    .build();

            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.002"), state, NOW));
        }

        @Test
        void rejectsBuyWhenDayStartEquityIsUnknownButStillAllowsReducingSell() {
            RiskState state = state().equity("1000000", "0")
                    .position("0.001", "50000")
                    .held(BTC)
                    .build();

            assertRejectedBy(
                    manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW), RiskCheck.DAILY_LOSS);
            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.001"), state, NOW));
        }
    }

    @Nested
    class OrderRate {

        @Test
        void rejectsABuyWhenThePerSecondLimitIsReachedExactly() {
            RiskState state =
                    state().position("0.001", "50000").held(BTC).orders(1, 0).build();

            RiskDecisionRecord buy = manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW);

            assertRejectedBy(buy, RiskCheck.ORDER_RATE);
            assertThat(buy.reason()).isEqualTo("1 order(s) in the last second reached the limit of 1 per second");
        }

        @Test
        void neverRefusesASellThatReducesAPositionForTheRate() {
            RiskState state =
                    state().position("0.001", "50000").held(BTC).orders(5, 0).build();

            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.001"), state, NOW));
        }

        @Test
        void refusesASellBeyondThePositionBeforeTheRateIsAsked() {
            RiskState state =
                    state().position("0.001", "50000").held(BTC).orders(5, 0).build();

            assertRejectedBy(
                    manager.validate(limit(BTC, Side.SELL, "50000000", "0.002"), state, NOW), RiskCheck.NO_SHORT);
        }

        @Test
        void allowsOrderBelowThePerSecondLimit() {
            RiskState state = state().orders(0, 0).build();

            assertApproved(manager.validate(limit(BTC, Side.BUY, "50000000", "0.001"), state, NOW));
        }
    }

    @Nested
    class DailyOrderCount {

        @Test
        void rejectsBuyWhenTheDailyOrderLimitIsReachedExactly() {
            RiskDecisionRecord decision = manager.validate(
                    limit(BTC, Side.BUY, "50000000", "0.001"),
                    state().orders(0, 100).build(),
                    NOW);

            assertRejectedBy(decision, RiskCheck.DAILY_ORDER_COUNT);
            assertThat(decision.reason()).startsWith("100 orders today reached the limit of 100 per day");
        }

        @Test
        void allowsBuyBelowTheDailyOrderLimit() {
            assertApproved(manager.validate(
                    limit(BTC, Side.BUY, "50000000", "0.001"),
                    state().orders(0, 99).build(),
                    NOW));
        }

        @Test
        void stillAllowsReducingSellBeyondTheDailyOrderLimit() {
            RiskState state =
                    state().position("0.001", "50000").held(BTC).orders(0, 250).build();

            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.0005"), state, NOW));
        }
    }

    @Nested
    class NoShort {

        @Test
        void rejectsSellOfMoreThanIsHeld() {
            RiskState state = state().position("0.001", "50000").held(BTC).build();

            RiskDecisionRecord decision = manager.validate(limit(BTC, Side.SELL, "50000000", "0.002"), state, NOW);

            assertRejectedBy(decision, RiskCheck.NO_SHORT);
            assertThat(decision.reason())
                    .isEqualTo("sell of 0.002 BTC exceeds the held 0.001; short selling is not allowed");
        }

        @Test
        void rejectsSellWithoutPositionEvenWhenOtherLimitsAreReached() {
            RiskState state = state().equity("1", "1000000").orders(0, 500).build();

            assertRejectedBy(
                    manager.validate(limit(BTC, Side.SELL, "50000000", "0.001"), state, NOW), RiskCheck.NO_SHORT);
        }

        @Test
        void allowsSellOfTheWholePosition() {
            RiskState state = state().position("0.00123456", "61728").held(BTC).build();

            assertApproved(manager.validate(limit(BTC, Side.SELL, "50000000", "0.00123456"), state, NOW));
        }
    }

    @Nested
    class Derivatives {

        private final Symbol perpetual = new Symbol("BTC", "KRW", "KRW");

        @Test
        void rejectsDerivativeWhenFuturesAreDisabled() {
            RiskDecisionRecord decision =
                    manager.validate(limit(perpetual, Side.BUY, "50000000", "0.001"), state().build(), NOW);

            assertRejectedBy(decision, RiskCheck.DERIVATIVES);
            assertThat(decision.reason()).isEqualTo("BTC/KRW:KRW is a derivative and futures trading is disabled");
        }

        @Test
        void allowsDerivativeWhenFuturesAreEnabled() {
            RiskLimits limits = new RiskLimits(BigDecimal.TEN, 5, BigDecimal.valueOf(5), 1, 100, 50, false, true, 2);

            assertApproved(new RiskManager(limits)
                    .validate(limit(perpetual, Side.BUY, "50000000", "0.001"), state().build(), NOW));
        }
    }

    @Nested
    class Slippage {

        private RiskDecisionRecord buyAt(String limitPrice) {
            return manager.validate(
                    limit(BTC, Side.BUY, limitPrice, "0.1"),
                    state().marketPrice("100000").build(),
                    NOW);
        }

        @Test
        void allowsLimitExactlyAtTheSlippageLimitOnBothSides() {
            assertApproved(buyAt("100500"));
            assertApproved(buyAt("99500"));
        }

        @Test
        void rejectsLimitJustBeyondTheSlippageLimitOnBothSides() {
            RiskDecisionRecord above = buyAt("100501");

            assertRejectedBy(above, RiskCheck.SLIPPAGE);
            assertRejectedBy(buyAt("99499"), RiskCheck.SLIPPAGE);
            assertThat(above.reason())
                    .isEqualTo("limit price 100,501 is 50.1 bps from market price 100,000, more than the allowed 50"
                            + " bps");
        }

        @Test
        void appliesToSellsToo() {
            RiskState state = state().marketPrice("100000")
                    .position("1", "100000")
                    .held(BTC)
                    .build();

            assertRejectedBy(manager.validate(limit(BTC, Side.SELL, "90000", "1"), state, NOW), RiskCheck.SLIPPAGE);
        }
    }
}
