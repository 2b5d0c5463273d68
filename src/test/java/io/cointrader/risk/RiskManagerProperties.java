package io.cointrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Rules of the risk gate that hold for every combination of limits, state and intent. */
class RiskManagerProperties {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
    private static final List<Symbol> SYMBOLS = List.of(
            Symbol.parse("BTC/KRW"),
            Symbol.parse("ETH/KRW"),
            Symbol.parse("XRP/KRW"),
            Symbol.parse("SOL/KRW"),
            Symbol.parse("ADA/KRW"),
            Symbol.parse("DOGE/KRW"),
            Symbol.parse("BTC/KRW:KRW"));
    private static final Set<String> CHECK_NAMES =
            Arrays.stream(RiskCheck.values()).map(Enum::name).collect(Collectors.toSet());

    /** One generated situation: limits, the account, and the intent that arrives. */
    record Scenario(RiskLimits limits, RiskState state, OrderIntent intent) {

        RiskDecisionRecord decide() {
            return new RiskManager(limits).validate(intent, state, NOW);
        }

        boolean isBuy() {
            return intent.side() == Side.BUY;
        }

        boolean isReducingSell() {
            return intent.side() == Side.SELL && intent.quantity().compareTo(state.positionQuantity()) <= 0;
        }

        Scenario withOrders(int lastSecond, int today) {
            RiskState s = state;
            return new Scenario(
                    limits,
                    new RiskState(
                            s.totalEquity(),
                            s.dayStartEquity(),
                            s.marketPrice(),
                            s.positionQuantity(),
                            s.positionValue(),
                            s.pendingBuyValue(),
                            s.heldSymbols(),
                            lastSecond,
                            today),
                    intent);
        }

        Scenario withEquity(BigDecimal total, BigDecimal dayStart) {
            RiskState s = state;
            return new Scenario(
                    limits,
                    new RiskState(
                            total,
                            dayStart,
                            s.marketPrice(),
                            s.positionQuantity(),
                            s.positionValue(),
                            s.pendingBuyValue(),
                            s.heldSymbols(),
                            s.ordersLastSecond(),
                            s.ordersToday()),
                    intent);
        }
    }

    @Property
    void validateNeverThrowsAndAlwaysNamesOneCheck(@ForAll("scenarios") Scenario scenario) {
        RiskDecisionRecord decision = scenario.decide();

        assertThat(decision.reason()).isNotBlank();
        if (decision.approved()) {
            assertThat(decision.check()).isEqualTo(RiskCheck.ALL);
        } else {
            assertThat(decision.check()).isIn(CHECK_NAMES);
        }
        assertThat(decision.notional())
                .isEqualByComparingTo(
                        scenario.intent().notional(scenario.state().marketPrice()));
        Statistics.label("decision").collect(decision.check());
        Statistics.label("decision").coverage(c -> c.check(RiskCheck.ALL).percentage(p -> p > 5));
    }

    @Property
    void approvedBuyNeverTakesTheSymbolOverItsShareOfEquity(@ForAll("scenarios") Scenario scenario) {
        RiskDecisionRecord decision = scenario.decide();
        boolean approvedBuy = decision.approved() && scenario.isBuy();

        if (approvedBuy) {
            RiskState s = scenario.state();
            BigDecimal exposure = s.positionValue().add(s.pendingBuyValue()).add(decision.notional());
            BigDecimal cap = scenario.limits()
                    .maxPositionSizePct()
                    .multiply(s.totalEquity())
                    .divide(HUNDRED);
            assertThat(exposure).isLessThanOrEqualTo(cap);
            assertThat(s.totalEquity().signum()).isPositive();
        }
        Statistics.collect(approvedBuy);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @Property
    void limitOrderBeyondTheSlippageLimitIsAlwaysRefused(@ForAll("scenarios") Scenario scenario) {
        OrderIntent intent = scenario.intent();
        BigDecimal market = scenario.state().marketPrice();
        boolean beyond = intent.type() == OrderType.LIMIT
                && intent.price()
                                .subtract(market)
                                .abs()
                                .multiply(BPS)
                                .compareTo(BigDecimal.valueOf(scenario.limits().maxSlippageBps())
                                        .multiply(market))
                        > 0;

        if (beyond) {
            assertThat(scenario.decide().approved()).isFalse();
        }
        Statistics.collect(beyond);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property
    void atTheDailyOrderLimitEveryBuyIsRefusedAndReducingSellsAreNotRefusedForIt(
            @ForAll("scenarios") Scenario generated, @ForAll("extraOrders") int beyond) {
        Scenario scenario = generated.withOrders(
                generated.state().ordersLastSecond(), generated.limits().maxOrdersPerDay() + beyond);
        RiskDecisionRecord decision = scenario.decide();

        if (scenario.isBuy()) {
            assertThat(decision.approved()).isFalse();
        }
        if (scenario.isReducingSell()) {
            assertThat(decision.check()).isNotEqualTo(RiskCheck.DAILY_ORDER_COUNT.name());
        }
        Statistics.collect(scenario.isReducingSell() && decision.approved());
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @Property
    void atTheDailyLossLimitNoBuyIsApprovedAndReducingSellsAreNotRefusedForIt(
            @ForAll("scenarios") Scenario generated, @ForAll("extraLossPct") BigDecimal extraLossPct) {
        BigDecimal dayStart = generated.state().dayStartEquity().abs().add(BigDecimal.ONE);
        BigDecimal lossPct = generated.limits().dailyMaxDrawdownPct().add(extraLossPct);
        BigDecimal total = dayStart.subtract(dayStart.multiply(lossPct).divide(HUNDRED));
        Scenario scenario = generated.withEquity(total, dayStart);
        RiskDecisionRecord decision = scenario.decide();

        if (scenario.isBuy()) {
            assertThat(decision.approved()).isFalse();
        }
        if (scenario.isReducingSell()) {
            assertThat(decision.check()).isNotEqualTo(RiskCheck.DAILY_LOSS.name());
        }
        Statistics.collect(scenario.isReducingSell() && decision.approved());
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @Property
    void fewerRecentOrdersNeverTurnAnApprovalIntoARejection(
            @ForAll("scenarios") Scenario scenario,
            @ForAll("fraction") double lastSecondShare,
            @ForAll("fraction") double todayShare) {
        RiskDecisionRecord decision = scenario.decide();
        RiskState s = scenario.state();
        Scenario quieter = scenario.withOrders(
                (int) (s.ordersLastSecond() * lastSecondShare), (int) (s.ordersToday() * todayShare));

        if (decision.approved()) {
            assertThat(quieter.decide().approved()).isTrue();
        }
        Statistics.collect(decision.approved());
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property
    void reducingSellCanAlwaysGetOutWithinRateAndPriceLimits(@ForAll("scenarios") Scenario scenario) {
        OrderIntent intent = scenario.intent();
        RiskLimits limits = scenario.limits();
        BigDecimal market = scenario.state().marketPrice();
        boolean eligible = scenario.isReducingSell()
                && intent.type() == OrderType.LIMIT
                && scenario.state().ordersLastSecond() < limits.maxOrdersPerSecond()
                && (!intent.symbol().isDerivative() || limits.futuresEnabled())
                && intent.price()
                                .subtract(market)
                                .abs()
                                .multiply(BPS)
                                .compareTo(BigDecimal.valueOf(limits.maxSlippageBps())
                                        .multiply(market))
                        <= 0;

        if (eligible) {
            assertThat(scenario.decide().approved()).isTrue();
        }
        Statistics.collect(eligible);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @Property
    void sellOfMoreThanIsHeldIsNeverApproved(@ForAll("scenarios") Scenario scenario) {
        boolean shortSell = scenario.intent().side() == Side.SELL && !scenario.isReducingSell();

        if (shortSell) {
            RiskDecisionRecord decision = scenario.decide();
            assertThat(decision.approved()).isFalse();
            assertThat(decision.check()).isIn(RiskCheck.MARKET_ORDER.name(), RiskCheck.NO_SHORT.name());
        }
        Statistics.collect(shortSell);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    // --- generators ------------------------------------------------------------------------------

    @Provide
    Arbitrary<Integer> extraOrders() {
        return Arbitraries.integers().between(0, 50);
    }

    @Provide
    Arbitrary<BigDecimal> extraLossPct() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.TEN)
                .ofScale(3);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0.0, 1.0);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(limits(), accounts(), intentShapes()).as(RiskManagerProperties::scenario);
    }

    private static Arbitrary<RiskLimits> limits() {
        return Combinators.combine(
                        uniform("1", "100", 2),
                        Arbitraries.integers().between(1, 6),
                        uniform("0.5", "50", 1),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(1, 150),
                        Arbitraries.integers().between(0, 300).withDistribution(RandomDistribution.uniform()),
                        mostly(false, Arbitraries.of(true, false)),
                        Arbitraries.of(true, false))
                .as((pos, maxPos, dd, perSec, perDay, bps, market, futures) ->
                        new RiskLimits(pos, maxPos, dd, perSec, perDay, bps, market, futures, 1));
    }

    /** Account figures before they are tied to a price: equity, day-start change, holdings, counters. */
    record Account(
            BigDecimal equity,
            BigDecimal dayChangePct,
            BigDecimal marketPrice,
            BigDecimal positionShare,
            BigDecimal pendingShare,
            Set<Symbol> held,
            int ordersLastSecond,
            int ordersToday) {}

    private static Arbitrary<Account> accounts() {
        return Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(9, uniform("10000", "10000000000", 2)),
                                Tuple.of(1, uniform("-1000", "10000", 2))),
                        Arbitraries.frequencyOf(Tuple.of(3, percent(-1, 5)), Tuple.of(1, percent(-20, 5))),
                        uniform("0.0001", "200000000", 4),
                        share(new BigDecimal("0.3")),
                        share(new BigDecimal("0.1")),
                        Arbitraries.subsetOf(SYMBOLS),
                        mostly(0, Arbitraries.integers().between(0, 4)),
                        Arbitraries.integers().between(0, 200))
                .as(Account::new);
    }

    /** Intent parameters relative to the account: side, type, order share of equity, limit offset in bps. */
    record IntentShape(
            Symbol symbol, Side side, OrderType type, BigDecimal orderShare, int offsetBps, boolean sellAll) {}

    private static Arbitrary<IntentShape> intentShapes() {
        return Combinators.combine(
                        Arbitraries.of(SYMBOLS),
                        Arbitraries.of(Side.class),
                        Arbitraries.of(OrderType.LIMIT, OrderType.LIMIT, OrderType.LIMIT, OrderType.MARKET),
                        share(new BigDecimal("0.3")),
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.integers().between(-50, 50)),
                                Tuple.of(1, Arbitraries.integers().between(-400, 400))),
                        Arbitraries.of(true, false))
                .as(IntentShape::new);
    }

    /** {@code usual} three times in four, otherwise anything from {@code any}. */
    private static <T> Arbitrary<T> mostly(T usual, Arbitrary<T> any) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(usual)), Tuple.of(1, any));
    }

    private static Arbitrary<BigDecimal> percent(int min, int max) {
        return uniform(String.valueOf(min), String.valueOf(max), 2);
    }

    private static Arbitrary<BigDecimal> share(BigDecimal max) {
        return uniform("0", max.toPlainString(), 4);
    }

    private static Arbitrary<BigDecimal> uniform(String min, String max, int scale) {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal(min), new BigDecimal(max))
                .ofScale(scale)
                .withDistribution(RandomDistribution.uniform());
    }

    private static Scenario scenario(RiskLimits limits, Account a, IntentShape shape) {
        BigDecimal price = a.marketPrice();
        BigDecimal wealth = a.equity().abs().max(new BigDecimal("10000"));
        BigDecimal positionQty = quantity(wealth.multiply(a.positionShare()), price, true);
        BigDecimal dayStart =
                a.equity().multiply(HUNDRED.subtract(a.dayChangePct())).divide(HUNDRED);
        RiskState state = new RiskState(
                a.equity(),
                dayStart,
                price,
                positionQty,
                positionQty.multiply(price),
                wealth.multiply(a.pendingShare()),
                a.held(),
                a.ordersLastSecond(),
                a.ordersToday());
        BigDecimal orderQty = shape.side() == Side.SELL && shape.sellAll() && positionQty.signum() > 0
                ? positionQty
                : quantity(wealth.multiply(shape.orderShare()), price, false);
        BigDecimal limitPrice = shape.type() == OrderType.MARKET
                ? null
                : price.multiply(BPS.add(BigDecimal.valueOf(shape.offsetBps()))).divide(BPS);
        OrderIntent intent = new OrderIntent(
                "intent-p",
                "conservative",
                shape.symbol(),
                shape.side(),
                shape.type(),
                limitPrice,
                orderQty,
                "p",
                NOW,
                false);
        return new Scenario(limits, state, intent);
    }

    /** Base quantity worth {@code value} at {@code price}, eight decimals; at least one unit unless zero is allowed. */
    private static BigDecimal quantity(BigDecimal value, BigDecimal price, boolean zeroAllowed) {
        BigDecimal q = value.divide(price, 8, RoundingMode.DOWN);
        return q.signum() > 0 || zeroAllowed ? q : new BigDecimal("0.00000001");
    }
}
