package io.cointrader.backtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cointrader.backtest.BacktestResult;
import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline of {@code trader backtest} makes the bare loop's trades on the benchmark candles: its
 * limit orders are priced at the close, which lies on the KRW grid, and fill at once, so both buy while
 * flat and sell while holding at the same candles' closes.
 */
class PipelineVersusBareLoopTest {

    private static final double QUANTITY_TOLERANCE = 1e-6;

    private static BenchData data;
    private static BacktestResult pipeline;
    private static BareLoop.Result bare;
    private static TraceRecorder trace;

    @BeforeAll
    static void runBoth() {
        data = BenchData.load(BenchData.FILE);
        pipeline = new PipelineRun(data).run();
        trace = new TraceRecorder(data.size());
        bare = BareLoop.run(data, trace);
    }

    @Test
    void fillsAtTheSameCandlesSidesAndPricesAsTheBareLoop() {
        assertThat(trades(data, pipeline)).hasSizeGreaterThan(5000).containsExactlyElementsOf(trades(data, trace));
    }

    @Test
    void everyOrderFillsWholeAtTheCloseOfTheCandleItWasPlacedOn() {
        assertThat(pipeline.orders()).hasSameSizeAs(pipeline.fills());
        for (Order order : pipeline.orders()) {
            assertThat(order.status()).as("order %s", order.clientOrderId()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.filledQuantity()).isEqualByComparingTo(order.quantity());
            assertThat(order.updatedAt()).isEqualTo(order.createdAt());
        }
    }

    @Test
    void nothingIsRefusedAndNoSafetyCheckStopsATick() {
        assertThat(pipeline.rejections()).isEmpty();
        assertThat(pipeline.safetyEvents()).isEmpty();
    }

    @Test
    void tradesATenthOfTheEquityAsTheBareLoopDoesAndEndsWithItsReturn() {
        double scale = Double.parseDouble(PipelineRun.INITIAL_KRW) / BareLoop.INITIAL_CASH;
        for (int k = 0; k < trace.fills.size(); k++) {
            double quantity = pipeline.fills().get(k).quantity().doubleValue();
            assertThat(quantity / (trace.fills.get(k).quantity() * scale))
                    .as("quantity of fill %d against the bare loop's, scaled to the same cash", k)
                    .isCloseTo(1.0, within(QUANTITY_TOLERANCE));
        }
        assertThat(pipeline.finalEquity().doubleValue() / (bare.finalEquity() * scale))
                .isCloseTo(1.0, within(QUANTITY_TOLERANCE));
    }

    @Test
    void tradesInEveryMonthOfTheQuarter() {
        Map<YearMonth, Integer> fills = new TreeMap<>();
        for (Fill fill : pipeline.fills()) {
            fills.merge(YearMonth.from(fill.time().atZone(ZoneOffset.UTC)), 1, Integer::sum);
        }
        assertThat(fills.keySet())
                .containsExactly(YearMonth.of(2024, 10), YearMonth.of(2024, 11), YearMonth.of(2024, 12));
        assertThat(fills.values()).as("fills per month").allSatisfy(n -> assertThat(n)
                .isGreaterThan(1500));
    }

    @Test
    void tradesAlikeAcrossBothKindsOfSeamOfTheRepeatedSet() {
        BenchData copies = BenchData.repeat(data, 3, "3 copies");

        BacktestResult result = new PipelineRun(copies).run();
        TraceRecorder copiesTrace = new TraceRecorder(copies.size());
        BareLoop.run(copies, copiesTrace);

        assertThat(result.safetyEvents()).isEmpty();
        assertThat(result.rejections()).isEmpty();
        assertThat(trades(copies, result)).containsExactlyElementsOf(trades(copies, copiesTrace));
        assertTradesInEveryCopy(fillsPerCopy(copies, result), 3);
    }

    /** The whole 5M set; about a minute. Prints the fills of every copy. */
    @Test
    @Tag("long")
    void tradesAlikeThroughTheWhole5MSet() {
        BenchData repeated = BenchData.load(BenchData.REPEATED);

        BacktestResult result = new PipelineRun(repeated).run();
        TraceRecorder repeatedTrace = new TraceRecorder(repeated.size());
        BareLoop.run(repeated, repeatedTrace);

        int[] perCopy = fillsPerCopy(repeated, result);
        System.out.println("5M: " + result.orders().size() + " orders, "
                + result.fills().size() + " fills; fills per copy " + Arrays.toString(perCopy));
        assertThat(result.safetyEvents()).isEmpty();
        assertThat(result.rejections()).isEmpty();
        assertThat(trades(repeated, result)).containsExactlyElementsOf(trades(repeated, repeatedTrace));
        assertTradesInEveryCopy(perCopy, BenchData.REPEAT_COPIES);
    }

    /** The pipeline's fills as "candle side price", the candle being the one whose close they filled at. */
    private static List<String> trades(BenchData set, BacktestResult result) {
        List<String> trades = new ArrayList<>();
        for (Fill fill : result.fills()) {
            trades.add(candleClosingAt(set, fill.time()) + " " + fill.side() + " " + plain(fill.price()));
        }
        return trades;
    }

    private static List<String> trades(BenchData set, TraceRecorder recorder) {
        List<String> trades = new ArrayList<>();
        for (TraceRecorder.Fill fill : recorder.fills) {
            Side side = fill.side() == BareLoop.BUY ? Side.BUY : Side.SELL;
            trades.add(fill.index() + " " + side + " " + plain(BenchData.decimal(fill.price())));
        }
        return trades;
    }

    /** Fills of the pipeline in each copy of the file in {@code set}. */
    private static int[] fillsPerCopy(BenchData set, BacktestResult result) {
        int copy = BenchData.load(BenchData.FILE).size();
        int[] perCopy = new int[set.size() / copy];
        for (Fill fill : result.fills()) {
            perCopy[candleClosingAt(set, fill.time()) / copy]++;
        }
        return perCopy;
    }

    private static void assertTradesInEveryCopy(int[] perCopy, int copies) {
        assertThat(perCopy).hasSize(copies);
        assertThat(Arrays.stream(perCopy).min().orElseThrow())
                .as("fewest fills of a copy, of %s", Arrays.toString(perCopy))
                .isGreaterThan(5000);
    }

    /** Index of the candle that closes at {@code time}; the run's clock stands at candle closes. */
    private static int candleClosingAt(BenchData set, Instant time) {
        int index = Arrays.binarySearch(
                set.openTime(), time.getEpochSecond() - set.interval().toSeconds());
        assertThat(index).as("a candle closes at %s", time).isNotNegative();
        return index;
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }
}
