package io.cointrader.backtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
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
        // first row: 2024-10-01T00:00:00Z,63327.6,63440,63327.59,63439.99,40.89124
        assertThat(new double[] {data.open()[0], data.high()[0], data.low()[0], data.close()[0], data.volume()[0]})
                .containsExactly(63327.6, 63440.0, 63327.59, 63439.99, 40.89124);
    }

    @Test
    void fileIsParsedOnce() {
        assertThat(BenchData.load(BenchData.FILE)).isSameAs(BenchData.load(BenchData.FILE));
    }

    @Test
    void repeatedSetHolds38CopiesShiftedBySpanOfTheFile() {
        BenchData file = BenchData.load(BenchData.FILE);
        BenchData repeated = BenchData.load(BenchData.REPEATED);

        assertThat(repeated.name()).isEqualTo("5M");
        assertThat(repeated.size()).isEqualTo(5_034_240).isEqualTo(38 * FILE_CANDLES);
        long span = FILE_CANDLES * 60L;
        long[] times = repeated.openTime();
        assertThat(firstStepOtherThan(times, 60L))
                .as("first step that is not one minute")
                .isEqualTo(-1);
        for (int copy : new int[] {1, 17, 37}) {
            int offset = copy * FILE_CANDLES;
            for (int i : new int[] {0, 1234, FILE_CANDLES - 1}) {
                assertThat(times[offset + i]).isEqualTo(file.openTime()[i] + copy * span);
                assertThat(repeated.close()[offset + i]).isEqualTo(file.close()[i]);
                assertThat(repeated.high()[offset + i]).isEqualTo(file.high()[i]);
                assertThat(repeated.volume()[offset + i]).isEqualTo(file.volume()[i]);
            }
        }
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
    void candleCarriesTheDecimalsOfTheFile() {
        Candle candle = BenchData.load(BenchData.FILE).candle(0);

        assertThat(candle.openTime()).isEqualTo(Instant.parse("2024-10-01T00:00:00Z"));
        assertThat(candle.open()).isEqualByComparingTo("63327.6");
        assertThat(candle.high()).isEqualByComparingTo("63440");
        assertThat(candle.low()).isEqualByComparingTo("63327.59");
        assertThat(candle.close()).isEqualByComparingTo(new BigDecimal("63439.99"));
        assertThat(candle.volume()).isEqualByComparingTo("40.89124");
    }

    @Test
    void rejectsUnknownDataset() {
        assertThatThrownBy(() -> BenchData.load("1M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1M");
    }
}
