package io.cointrader.backtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchDataTest {

    private static final int FILE_CANDLES = 132_480;

    @Test
    void fileHoldsTheLastQuarterOf2024MinuteByMinute() {
        BenchData data = BenchData.load(BenchData.FILE);

        assertThat(data.name()).isEqualTo("132k");
        assertThat(data.size()).isEqualTo(FILE_CANDLES);
        assertThat(data.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(data.openTime()[0])
                .isEqualTo(Instant.parse("2024-10-01T00:00:00Z").getEpochSecond());
        assertThat(data.openTime()[FILE_CANDLES - 1])
                .isEqualTo(Instant.parse("2024-12-31T23:59:00Z").getEpochSecond());
        assertThat(firstStepOtherThan(data.openTime(), 60L))
                .as("first step that is not one minute")
                .isEqualTo(-1);
        // first row: 2024-10-01T00:00:00Z,63327.6,63440,63327.59,63439.99,40.89124; prices x 100,000 as KRW
        assertThat(new double[] {data.open()[0], data.high()[0], data.low()[0], data.close()[0], data.volume()[0]})
                .containsExactly(6_332_760_000.0, 6_344_000_000.0, 6_332_759_000.0, 6_343_999_000.0, 40.89124);
    }

    @Test
    void everyPriceLiesOnUpbitsKrwGrid() {
        BenchData data = BenchData.load(BenchData.FILE);

        int offGrid = 0;
        int first = -1;
        for (double[] prices : new double[][] {data.open(), data.high(), data.low(), data.close()}) {
            for (int i = 0; i < data.size(); i++) {
                BigDecimal price = BenchData.decimal(prices[i]);
                if (TickSize.floorToTick(price, TickSize.krwTick(price)).compareTo(price) != 0 && offGrid++ == 0) {
                    first = i;
                }
            }
        }
        assertThat(offGrid)
                .as("prices off the grid, the first of candle %d", first)
                .isZero();
    }

    @Test
    void fileIsParsedOnce() {
        assertThat(BenchData.load(BenchData.FILE)).isSameAs(BenchData.load(BenchData.FILE));
    }

    @Test
    void repeatedSetHolds38CopiesShiftedBySpanOfTheFileEverySecondOneBackwards() {
        BenchData file = BenchData.load(BenchData.FILE);
        BenchData repeated = BenchData.load(BenchData.REPEATED);

        assertThat(repeated.name()).isEqualTo("5M");
        assertThat(repeated.size()).isEqualTo(5_034_240).isEqualTo(38 * FILE_CANDLES);
        long span = FILE_CANDLES * 60L;
        long[] times = repeated.openTime();
        assertThat(firstStepOtherThan(times, 60L))
                .as("first step that is not one minute")
                .isEqualTo(-1);
        for (int copy : new int[] {2, 18, 36}) {
            int offset = copy * FILE_CANDLES;
            for (int i : new int[] {0, 1234, FILE_CANDLES - 1}) {
                assertThat(times[offset + i]).isEqualTo(file.openTime()[i] + copy * span);
                assertThat(repeated.open()[offset + i]).isEqualTo(file.open()[i]);
                assertThat(repeated.close()[offset + i]).isEqualTo(file.close()[i]);
                assertThat(repeated.high()[offset + i]).isEqualTo(file.high()[i]);
                assertThat(repeated.volume()[offset + i]).isEqualTo(file.volume()[i]);
            }
        }
        for (int copy : new int[] {1, 17, 37}) {
            int offset = copy * FILE_CANDLES;
            for (int i : new int[] {0, 1234, FILE_CANDLES - 1}) {
                int original = FILE_CANDLES - 1 - i;
                assertThat(times[offset + i]).isEqualTo(file.openTime()[i] + copy * span);
                assertThat(repeated.open()[offset + i]).isEqualTo(file.close()[original]);
                assertThat(repeated.close()[offset + i]).isEqualTo(file.open()[original]);
                assertThat(repeated.high()[offset + i]).isEqualTo(file.high()[original]);
                assertThat(repeated.low()[offset + i]).isEqualTo(file.low()[original]);
                assertThat(repeated.volume()[offset + i]).isEqualTo(file.volume()[original]);
            }
        }
    }

    @Test
    void repeatedSetJumpsNoFurtherFromOneCandleToTheNextThanTheFileDoes() {
        BenchData file = BenchData.load(BenchData.FILE);
        BenchData repeated = BenchData.load(BenchData.REPEATED);

        assertThat(largestGap(repeated))
                .as("largest move from a close to the next open")
                .isEqualTo(largestGap(file));
        for (int seam = FILE_CANDLES; seam < repeated.size(); seam += FILE_CANDLES) {
            assertThat(repeated.open()[seam]).as("open after seam %d", seam).isEqualTo(repeated.close()[seam - 1]);
        }
    }

    /**
     * Largest |ln open - ln previous close| of the set: the same for a move and its reversal, which a
     * backward copy makes of every move of the file.
     */
    private static double largestGap(BenchData data) {
        double largest = 0.0;
        for (int i = 1; i < data.size(); i++) {
            largest = Math.max(largest, Math.abs(Math.log(data.open()[i]) - Math.log(data.close()[i - 1])));
        }
        return largest;
    }

    /** Index of the first open time that is not {@code step} after the one before it, or -1. */
    private static int firstStepOtherThan(long[] times, long step) {
        for (int i = 1; i < times.length; i++) {
            if (times[i] - times[i - 1] != step) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void candleCarriesThePricesOfTheFileInKrw() {
        Candle candle = BenchData.load(BenchData.FILE).candle(0);

        assertThat(candle.openTime()).isEqualTo(Instant.parse("2024-10-01T00:00:00Z"));
        assertThat(candle.open()).isEqualByComparingTo("6332760000");
        assertThat(candle.high()).isEqualByComparingTo("6344000000");
        assertThat(candle.low()).isEqualByComparingTo("6332759000");
        assertThat(candle.close()).isEqualTo(new BigDecimal("6343999000"));
        assertThat(candle.volume()).isEqualByComparingTo("40.89124");
    }

    @Test
    void rejectsUnknownDataset() {
        assertThatThrownBy(() -> BenchData.load("1M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1M");
    }
}
