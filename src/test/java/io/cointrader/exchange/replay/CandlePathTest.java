package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CandlePathTest {

    private static final Instant OPEN = Instant.parse("2025-10-20T00:00:00Z");
    private static final Candle BULLISH = candle("100000000", "103000000", "99000000", "102000000", "60");
    private static final Candle BEARISH = candle("102000000", "103000000", "99000000", "100000000", "60");

    @Test
    void risingCandleWalksOpenLowHighClose() {
        assertThat(priceAt(BULLISH, Duration.ZERO)).isEqualByComparingTo("100000000");
        assertThat(priceAt(BULLISH, Duration.ofMinutes(10))).isEqualByComparingTo("99500000");
        assertThat(priceAt(BULLISH, Duration.ofMinutes(20))).isEqualByComparingTo("99000000");
        assertThat(priceAt(BULLISH, Duration.ofMinutes(40))).isEqualByComparingTo("103000000");
        // 59:59 -> 1199/1200 of the way from 103,000,000 to 102,000,000 = 102,000,833.3 -> tick 1,000
        assertThat(priceAt(BULLISH, Duration.ofSeconds(3599))).isEqualByComparingTo("102001000");
        assertThat(priceAt(BULLISH, Duration.ofMinutes(60).minusNanos(1))).isEqualByComparingTo("102000000");
    }

    @Test
    void fallingCandleWalksOpenHighLowClose() {
        assertThat(priceAt(BEARISH, Duration.ZERO)).isEqualByComparingTo("102000000");
        assertThat(priceAt(BEARISH, Duration.ofMinutes(20))).isEqualByComparingTo("103000000");
        assertThat(priceAt(BEARISH, Duration.ofMinutes(30))).isEqualByComparingTo("101000000");
        assertThat(priceAt(BEARISH, Duration.ofMinutes(40))).isEqualByComparingTo("99000000");
        assertThat(priceAt(BEARISH, Duration.ofSeconds(3599))).isEqualByComparingTo("99999000");
    }

    @Test
    void flatCandleCountsAsRising() {
        Candle flat = candle("3585", "3590", "3571", "3585", "1");

        assertThat(priceAt(flat, Duration.ofMinutes(20))).isEqualByComparingTo("3571");
        assertThat(priceAt(flat, Duration.ofMinutes(40))).isEqualByComparingTo("3590");
    }

    @Test
    void roundsToTheNearestTick() {
        Candle xrp = candle("3585", "3590", "3571", "3575", "1");

        // a quarter of the way from 3,585 to 3,590 (falling: high first) is 3,586.25 -> 3,586
        assertThat(priceAt(xrp, Duration.ofMinutes(5))).isEqualByComparingTo("3586");
        // 3,587.5 is half way between ticks and rounds up
        assertThat(priceAt(xrp, Duration.ofMinutes(10))).isEqualByComparingTo("3588");
        Candle acrossBoundary = candle("1001000", "1001000", "990000", "995000", "1");
        // 20 min + 131 s: 1,001,000 - 11,000 x 131/1200 = 999,799.2; below 1,000,000 the tick is 500
        assertThat(priceAt(acrossBoundary, Duration.ofSeconds(1331))).isEqualByComparingTo("1000000");
        // 20 min + 142 s: 999,698.3 -> 999,500
        assertThat(priceAt(acrossBoundary, Duration.ofSeconds(1342))).isEqualByComparingTo("999500");
    }

    @Test
    void neverLeavesTheRealRangeWhenTheDataIsOffTheGrid() {
        Candle offGrid = candle("1000", "1001.6", "999.4", "1001", "1");

        assertThat(priceAt(offGrid, Duration.ofMinutes(40))).isEqualByComparingTo("1001.6");
        assertThat(priceAt(offGrid, Duration.ofMinutes(20))).isEqualByComparingTo("999.4");
        assertThat(priceAt(offGrid, Duration.ofMinutes(50))).isEqualByComparingTo("1001");
    }

    @Test
    void formingCandleShowsOnlyWhatThePathReached() {
        Candle first = CandlePath.formingAt(BULLISH, Duration.ofMinutes(10).toNanos());
        assertThat(first.openTime()).isEqualTo(OPEN);
        assertThat(first.open()).isEqualByComparingTo("100000000");
        assertThat(first.high()).isEqualByComparingTo("100000000");
        assertThat(first.low()).isEqualByComparingTo("99500000");
        assertThat(first.close()).isEqualByComparingTo("99500000");
        assertThat(first.volume()).isEqualByComparingTo("10");

        Candle second = CandlePath.formingAt(BULLISH, Duration.ofMinutes(30).toNanos());
        assertThat(second.high()).isEqualByComparingTo("101000000");
        assertThat(second.low()).isEqualByComparingTo("99000000");
        assertThat(second.close()).isEqualByComparingTo("101000000");
        assertThat(second.volume()).isEqualByComparingTo("30");

        Candle last = CandlePath.formingAt(BULLISH, Duration.ofMinutes(59).toNanos());
        assertThat(last.high()).isEqualByComparingTo("103000000");
        assertThat(last.low()).isEqualByComparingTo("99000000");
        assertThat(last.close()).isEqualByComparingTo("102050000");
        assertThat(last.volume()).isEqualByComparingTo("59");
    }

    @Test
    void atTheOpenTheFormingCandleIsFlatWithoutVolume() {
        Candle atOpen = CandlePath.formingAt(BEARISH, 0);

        assertThat(atOpen.high()).isEqualByComparingTo("102000000");
        assertThat(atOpen.low()).isEqualByComparingTo("102000000");
        assertThat(atOpen.close()).isEqualByComparingTo("102000000");
        assertThat(atOpen.volume()).isEqualByComparingTo("0");
    }

    @Test
    void refusesTimesOutsideTheHour() {
        assertThatThrownBy(
                        () -> CandlePath.priceAt(BULLISH, Duration.ofMinutes(60).toNanos()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandlePath.priceAt(BULLISH, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void formingCandleStaysInsideTheFinalOneAndGrowsMonotonically(
            @ForAll @LongRange(min = 1, max = 100_000) long low,
            @ForAll @IntRange(min = 0, max = 5000) int range,
            @ForAll @IntRange(min = 0, max = 100) int openPct,
            @ForAll @IntRange(min = 0, max = 100) int closePct,
            @ForAll @LongRange(min = 0, max = 3_599_999_999_998L) long earlier) {
        BigDecimal lo = BigDecimal.valueOf(low);
        BigDecimal hi = lo.add(BigDecimal.valueOf(range));
        BigDecimal open = lo.add(BigDecimal.valueOf((long) range * openPct / 100));
        BigDecimal close = lo.add(BigDecimal.valueOf((long) range * closePct / 100));
        Candle candle = new Candle(OPEN, open, hi, lo, close, new BigDecimal("7"));
        Candle before = CandlePath.formingAt(candle, earlier);
        Candle after = CandlePath.formingAt(candle, earlier + 1);

        assertThat(before.high()).isLessThanOrEqualTo(hi).isLessThanOrEqualTo(after.high());
        assertThat(before.low()).isGreaterThanOrEqualTo(lo).isGreaterThanOrEqualTo(after.low());
        assertThat(before.close()).isBetween(before.low(), before.high());
        assertThat(before.volume()).isLessThanOrEqualTo(after.volume()).isLessThan(candle.volume());
    }

    private static BigDecimal priceAt(Candle candle, Duration elapsed) {
        return CandlePath.priceAt(candle, elapsed.toNanos());
    }

    private static Candle candle(String open, String high, String low, String close, String volume) {
        return new Candle(
                OPEN,
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                new BigDecimal(volume));
    }
}
