package io.cointrader.backtest;

import static io.cointrader.backtest.Results.day;
import static io.cointrader.backtest.Results.fill;
import static io.cointrader.backtest.Results.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double SQRT_8760 = 93.59487165438296;

    @Test
    void maxDrawdownIsTheDeepestFallAndItsDurationTheLongestTimeUnderWater() {
        BacktestResult result = Results.builder()
                .cash("100")
                .equity(
                        new long[] {hour(0), hour(1), hour(2), hour(3), hour(4), hour(5), hour(6)},
                        100,
                        120,
                        90,
                        110,
                        120,
                        130,
                        100)
                .build();

        Performance p = Metrics.of(result).strategy();

        // 120 -> 90 is 25 %; 130 -> 100 only 23 %. Under water from 1h until 120 again at 4h.
        assertThat(p.maxDrawdownPct()).isCloseTo(25.0, within(1e-9));
        assertThat(p.longestDrawdown()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aDrawdownNeverRecoveredLastsUntilTheEnd() {
        BacktestResult result = Results.builder()
                .cash("100")
                .equity(new long[] {day(0), day(1), day(2), day(3), day(9)}, 100, 101, 80, 90, 95)
                .build();

        Performance p = Metrics.of(result).strategy();

        assertThat(p.maxDrawdownPct()).isCloseTo((101.0 - 80) / 101 * 100, within(1e-9));
        assertThat(p.longestDrawdown()).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void aCurveThatNeverFallsHasNoDrawdown() {
        BacktestResult result = Results.builder()
                .equity(new long[] {hour(0), hour(1), hour(2)}, 100, 100, 105)
                .build();

        Performance p = Metrics.of(result).strategy();

        assertThat(p.maxDrawdownPct()).isZero();
        assertThat(p.longestDrawdown()).isZero();
    }

    @Test
    void sharpeAndSortinoComeFromTheLastEquityOfEachHour() {
        // hourly closes 100, 110, 99, 108.9: returns +10 %, -10 %, +10 %
        BacktestResult result = Results.builder()
                .cash("100")
                .equity(
                        new long[] {hour(0), hour(0.98), hour(1), hour(1.5), hour(2.2), hour(3), hour(3.9)},
                        50,
                        100,
                        130,
                        110,
                        99,
                        120,
                        108.9)
                .build();

        Performance p = Metrics.of(result).strategy();

        double mean = 0.1 / 3;
        double sampleSd = Math.sqrt((2 * Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2)) / 2);
        double downside = Math.sqrt(0.01 / 3);
        assertThat(p.sharpe()).isCloseTo(mean / sampleSd * SQRT_8760, within(1e-9));
        assertThat(p.sharpe()).isCloseTo(27.0185, within(1e-3));
        assertThat(p.sortino()).isCloseTo(mean / downside * SQRT_8760, within(1e-9));
        assertThat(p.sortino()).isCloseTo(54.0370, within(1e-3));
    }

    @Test
    void hoursWithoutAStepKeepTheEquityAndCountAsZeroReturns() {
        // daily candles: 24 hourly returns per day, all zero but the one where the equity moves
        BacktestResult result = Results.builder()
                .cash("100")
                .equity(new long[] {hour(0), hour(3)}, 100, 110)
                .build();

        Performance p = Metrics.of(result).strategy();

        // returns 0, 0, 0.1: mean 1/30, sample variance ((1/30)^2 * 2 + (2/30)^2) / 2
        double mean = 0.1 / 3;
        double sd = Math.sqrt((2 * mean * mean + Math.pow(0.1 - mean, 2)) / 2);
        assertThat(p.sharpe()).isCloseTo(mean / sd * SQRT_8760, within(1e-9));
        assertThat(p.sortino()).as("no hour lost").isNaN();
    }

    @Test
    void cagrCompoundsTheTotalReturnPerCalendarYear() {
        BacktestResult twoYears = Results.builder()
                .cash("100")
                .equity(new long[] {day(0), day(365.25), day(730.5)}, 100, 105, 121)
                .build();

        Metrics m = Metrics.of(twoYears);

        assertThat(m.strategy().totalReturnPct()).isCloseTo(21.0, within(1e-9));
        assertThat(m.strategy().cagrPct()).isCloseTo(10.0, within(1e-9));
        assertThat(m.annualisedFromShortWindow()).isFalse();
    }

    @Test
    void cagrOfAWindowShorterThanAYearIsStillAnnualisedAndFlagged() {
        BacktestResult halfYear = Results.builder()
                .cash("100")
                .equity(new long[] {day(0), day(182.625)}, 100, 110)
                .build();

        Metrics m = Metrics.of(halfYear);

        assertThat(m.strategy().cagrPct()).isCloseTo(21.0, within(1e-9));
        assertThat(m.years()).isCloseTo(0.5, within(1e-12));
        assertThat(m.annualisedFromShortWindow()).isTrue();
    }

    @Test
    void totalReturnUsesTheExactFinalEquity() {
        BacktestResult result = Results.builder()
                .cash("1000000")
                .equity(new long[] {hour(0), hour(1)}, 1_000_000, 1_012_345.6)
                .finalEquity("1012345.678")
                .build();

        assertThat(Metrics.of(result).strategy().totalReturnPct()).isCloseTo(1.2345678, within(1e-12));
        assertThat(Metrics.of(result).strategy().finalEquity()).isEqualByComparingTo("1012345.678");
    }

    @Test
    void roundTripsCountPartialSellsFeesAndLeaveTheLastTradeOpen() {
        BacktestResult result = Results.builder()
                .equity(new long[] {hour(0), hour(10)}, 1000, 1000)
                .series("BTC/KRW", 100, 140)
                .series("ETH/KRW", 50, 51)
                .fills(
                        fill("BTC/KRW", Side.BUY, "100", "1", "0.05", hour(1)),
                        fill("ETH/KRW", Side.BUY, "50", "2", "0.05", hour(1)),
                        fill("BTC/KRW", Side.SELL, "110", "0.5", "0.0275", hour(2)),
                        fill("ETH/KRW", Side.BUY, "60", "2", "0.06", hour(3)),
                        fill("BTC/KRW", Side.SELL, "120", "0.5", "0.03", hour(4)),
                        fill("ETH/KRW", Side.SELL, "52", "4", "0.104", hour(5)),
                        fill("BTC/KRW", Side.BUY, "130", "1", "0.065", hour(6)))
                .build();

        Metrics m = Metrics.of(result);

        assertThat(m.roundTrips()).hasSize(3);
        RoundTrip btc = m.roundTrips().get(0);
        assertThat(btc.status()).isEqualTo(RoundTrip.Status.CLOSED);
        assertThat(btc.entryPrice()).isEqualByComparingTo("100");
        assertThat(btc.exitPrice()).isEqualByComparingTo("115");
        assertThat(btc.quantity()).isEqualByComparingTo("1");
        assertThat(btc.fees()).isEqualByComparingTo("0.1075");
        assertThat(btc.pnl()).isEqualByComparingTo("14.8925"); // 55 + 60 - 100 - 0.1075
        assertThat(btc.pnlPct()).isEqualByComparingTo("14.8851"); // of 100.05 paid
        assertThat(btc.exitTime()).isEqualTo(java.time.Instant.ofEpochSecond(hour(4)));

        RoundTrip eth = m.roundTrips().get(1);
        assertThat(eth.entryPrice()).as("average cost of two buys").isEqualByComparingTo("55");
        assertThat(eth.quantity()).isEqualByComparingTo("4");
        assertThat(eth.pnl()).isEqualByComparingTo("-12.214"); // 208 - 220 - 0.214

        RoundTrip open = m.roundTrips().get(2);
        assertThat(open.status()).isEqualTo(RoundTrip.Status.OPEN);
        assertThat(open.exitPrice()).as("the last close").isEqualByComparingTo("140");
        assertThat(open.exitTime()).isEqualTo(java.time.Instant.ofEpochSecond(hour(10)));
        assertThat(open.pnl()).isEqualByComparingTo("9.935");

        TradeStats t = m.trades();
        assertThat(t.closed()).isEqualTo(2);
        assertThat(t.open()).isEqualTo(1);
        assertThat(t.wins()).isEqualTo(1);
        assertThat(t.losses()).isEqualTo(1);
        assertThat(t.winRatePct()).as("the open trade does not count").isEqualTo(50.0);
        assertThat(t.averageWin()).isEqualByComparingTo("14.8925");
        assertThat(t.averageLoss()).isEqualByComparingTo("-12.214");
        assertThat(t.profitFactor()).isCloseTo(14.8925 / 12.214, within(1e-12));
        assertThat(t.openPnl()).isEqualByComparingTo("9.935");
        assertThat(m.feesPaid()).isEqualByComparingTo("0.3865");
    }

    @Test
    void tradeStatsWithoutLossesHaveAnInfiniteProfitFactorAndWithoutTradesNoWinRate() {
        BacktestResult winning = Results.builder()
                .equity(new long[] {hour(0), hour(3)}, 1000, 1000)
                .series("BTC/KRW", 100, 100)
                .fills(
                        fill("BTC/KRW", Side.BUY, "100", "1", "0", hour(1)),
                        fill("BTC/KRW", Side.SELL, "110", "1", "0", hour(2)))
                .build();
        BacktestResult idle = Results.builder()
                .equity(new long[] {hour(0), hour(3)}, 1000, 1000)
                .build();

        assertThat(Metrics.of(winning).trades().profitFactor()).isInfinite();
        assertThat(Metrics.of(winning).trades().averageLossPct()).isNaN();
        assertThat(Metrics.of(idle).trades().winRatePct()).isNaN();
        assertThat(Metrics.of(idle).trades().profitFactor()).isNaN();
        assertThat(Metrics.of(idle).trades().closed()).isZero();
    }

    @Test
    void aSellOfMoreThanIsHeldIsRefused() {
        BacktestResult result = Results.builder()
                .equity(new long[] {hour(0)}, 1000)
                .fills(
                        fill("BTC/KRW", Side.BUY, "100", "1", "0", hour(0)),
                        fill("BTC/KRW", Side.SELL, "100", "1.5", "0", hour(0)))
                .build();

        assertThatThrownBy(() -> Metrics.of(result))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sells 1.5 BTC/KRW but 1 is held");
    }

    @Test
    void buyAndHoldSplitsTheCashEquallyPaysTheFeeOnceAndHoldsToTheLastPrice() {
        BacktestResult result = Results.builder()
                .cash("1000")
                .feeRate("0.001")
                .equity(new long[] {hour(0), hour(1), hour(2)}, 1000, 1000, 1000)
                .series("BTC/KRW", 100, 150, 200)
                .series("ETH/KRW", 10, 4, 5)
                .build();

        Performance b = Metrics.of(result).buyAndHold();
        BuyAndHold hold = BuyAndHold.of(result);

        // 500 / (100 * 1.001) BTC and 500 / (10 * 1.001) ETH
        double btc = 500 / 100.1;
        double eth = 500 / 10.01;
        assertThat(hold.values())
                .containsExactly(
                        new double[] {btc * 100 + eth * 10, btc * 150 + eth * 4, btc * 200 + eth * 5}, within(1e-9));
        assertThat(b.finalEquity().doubleValue()).isCloseTo(btc * 200 + eth * 5, within(1e-9));
        assertThat(b.fees().doubleValue()).isCloseTo(1000 - 1000 / 1.001, within(1e-9));
        assertThat(b.totalReturnPct()).isCloseTo((btc * 200 + eth * 5) / 10 - 100, within(1e-9));
        assertThat(b.maxDrawdownPct())
                .isCloseTo((1 - (btc * 150 + eth * 4) / (btc * 100 + eth * 10)) * 100, within(1e-9));
    }

    @Test
    void buyAndHoldUsesTheLastCloseAtOrBeforeEachStep() {
        BacktestResult result = Results.builder()
                .cash("100")
                .feeRate("0")
                .equity(new long[] {hour(0), hour(1), hour(2), hour(3)}, 100, 100, 100, 100)
                .series(new SymbolSeries(
                        io.cointrader.core.Symbol.parse("BTC/KRW"),
                        new long[] {hour(1), hour(3)},
                        new double[] {10, 20},
                        new double[] {Double.NaN, Double.NaN},
                        new double[] {Double.NaN, Double.NaN}))
                .build();

        assertThat(BuyAndHold.of(result).values()).containsExactly(100, 100, 100, 200);
    }

    @Test
    void exposureRejectionsAndSafetyEventsAreCarriedOver() {
        BacktestResult result = Results.builder()
                .equity(new long[] {hour(0), hour(1), hour(2), hour(3)}, 1000, 1000, 1000, 1000)
                .exposedSteps(3)
                .rejection("MAX_POSITIONS", 2)
                .rejection("DAILY_LOSS_LIMIT", 5)
                .safetyEvent("PRICE_ANOMALY", 1)
                .build();

        Metrics m = Metrics.of(result);

        assertThat(m.exposurePct()).isEqualTo(75.0);
        assertThat(m.rejections()).containsEntry("MAX_POSITIONS", 2).containsEntry("DAILY_LOSS_LIMIT", 5);
        assertThat(m.rejectedOrders()).isEqualTo(7);
        assertThat(m.safetyEvents()).containsOnlyKeys("PRICE_ANOMALY");
        assertThat(m.strategy().fees()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theTradesOfARunAddUpToItsGainWhenOpenTradesAreValuedAtTheLastPrice() {
        BacktestResult result =
                SyntheticRun.generate(3000, 9, java.util.List.of("BTC/KRW", "ETH/KRW"), java.util.Map.of());

        Metrics m = Metrics.of(result);

        BigDecimal total = m.roundTrips().stream().map(RoundTrip::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gain = result.finalEquity().subtract(result.spec().initialCash());
        assertThat(total.doubleValue()).isCloseTo(gain.doubleValue(), within(0.01));
        assertThat(m.trades().closed()).isGreaterThan(20);
        assertThat(m.trades().wins() + m.trades().losses())
                .isLessThanOrEqualTo(m.trades().closed());
    }

    @Test
    void aRunWithoutStepsHasNoRatiosAndBuyAndHoldOfAnEmptySeriesKeepsTheCash() {
        BacktestResult empty = Results.builder().cash("1000").series("BTC/KRW").build();

        Metrics m = Metrics.of(empty);

        assertThat(m.strategy().cagrPct()).isNaN();
        assertThat(m.strategy().sharpe()).isNaN();
        assertThat(m.strategy().maxDrawdownPct()).isZero();
        assertThat(m.exposurePct()).isZero();
        assertThat(m.buyAndHold().finalEquity()).isEqualByComparingTo("1000");
        assertThat(ReportText.render(empty, m)).contains("CAGR *", "n/a");
    }
}
