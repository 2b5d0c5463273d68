package io.cointrader.exchange.replay;

import io.cointrader.core.Candle;
import io.cointrader.core.Money;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The deterministic price path through one hourly candle. The data holds only open, high, low and
 * close, so the replay walks open -> low -> high -> close for a rising candle (close >= open) and
 * open -> high -> low -> close for a falling one, linearly over three equal thirds of the hour. This
 * is the usual bar-path assumption of backtesters: the extreme on the far side of the close comes
 * first, so the last leg runs into the close from its own side and every real extreme is visited.
 * Prices are rounded to the nearest KRW tick and kept within the candle's real range.
 */
final class CandlePath {

    static final long HOUR_NANOS = CandleSeries.INTERVAL.toNanos();
    private static final long THIRD_NANOS = HOUR_NANOS / 3;
    private static final BigDecimal THIRD = BigDecimal.valueOf(THIRD_NANOS);
    private static final BigDecimal HOUR = BigDecimal.valueOf(HOUR_NANOS);
    private static final int INTERPOLATION_SCALE = 12;

    private CandlePath() {}

    /** The price {@code elapsedNanos} after the candle opened, on the tick grid. */
    static BigDecimal priceAt(Candle candle, long elapsedNanos) {
        requireInside(elapsedNanos);
        BigDecimal[] points = waypoints(candle);
        int segment = (int) (elapsedNanos / THIRD_NANOS);
        BigDecimal from = points[segment];
        BigDecimal to = points[segment + 1];
        BigDecimal progress = BigDecimal.valueOf(elapsedNanos % THIRD_NANOS);
        BigDecimal raw = from.add(
                to.subtract(from).multiply(progress).divide(THIRD, INTERPOLATION_SCALE, RoundingMode.HALF_EVEN));
        return onGrid(raw, candle);
    }

    /**
     * The candle as it looks {@code elapsedNanos} after its open: the real open, the high and low
     * reached so far along the path, the current price as close, and the volume pro rata.
     */
    static Candle formingAt(Candle candle, long elapsedNanos) {
        BigDecimal price = priceAt(candle, elapsedNanos);
        BigDecimal[] points = waypoints(candle);
        int reached = (int) (elapsedNanos / THIRD_NANOS);
        BigDecimal high = price;
        BigDecimal low = price;
        for (int i = 0; i <= reached; i++) {
            // Both the real waypoint and its grid price: the open stays inside the candle and, with
            // data off the grid, the running high and low still never shrink.
            BigDecimal printed = onGrid(points[i], candle);
            high = high.max(points[i]).max(printed);
            low = low.min(points[i]).min(printed);
        }
        BigDecimal volume = candle.volume()
                .multiply(BigDecimal.valueOf(elapsedNanos))
                .divide(HOUR, Money.VOLUME_SCALE, RoundingMode.DOWN);
        return new Candle(candle.openTime(), candle.open(), high, low, price, volume);
    }

    /** The nearest grid price, clamped to the candle's range so the path never leaves real prices. */
    static BigDecimal onGrid(BigDecimal raw, Candle candle) {
        BigDecimal tick = TickSize.krwTick(raw);
        BigDecimal rounded = raw.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick);
        return rounded.max(candle.low()).min(candle.high());
    }

    private static BigDecimal[] waypoints(Candle c) {
        return c.close().compareTo(c.open()) >= 0
                ? new BigDecimal[] {c.open(), c.low(), c.high(), c.close()}
                : new BigDecimal[] {c.open(), c.high(), c.low(), c.close()};
    }

    private static void requireInside(long elapsedNanos) {
        if (elapsedNanos < 0 || elapsedNanos >= HOUR_NANOS) {
            throw new IllegalArgumentException("elapsed time " + elapsedNanos + " ns is outside the hour");
        }
    }
}
