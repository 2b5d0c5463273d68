package io.cointrader.exchange.replay;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The hourly candles of one symbol, ascending by open time, with binary search by time. Every open
 * time is a whole UTC hour and open times are strictly ascending, so candles never overlap; a
 * missing hour is a gap. Immutable.
 */
public final class CandleSeries {

    /** Length of every candle of a series. */
    public static final Duration INTERVAL = Duration.ofMinutes(60);

    private final Symbol symbol;
    private final Candle[] candles;
    private final long[] openSeconds;

    /**
     * @param source names the origin of the candles in error messages
     * @throws ReplayDataException when the list is empty, not strictly ascending, or an open time is
     *     not a whole hour
     */
    CandleSeries(Symbol symbol, List<Candle> candles, String source) {
        if (candles.isEmpty()) {
            throw new ReplayDataException(source + ": no candles for " + symbol);
        }
        this.symbol = symbol;
        this.candles = candles.toArray(new Candle[0]);
        this.openSeconds = new long[this.candles.length];
        for (int i = 0; i < this.candles.length; i++) {
            Instant openTime = this.candles[i].openTime();
            if (openTime.getNano() != 0 || openTime.getEpochSecond() % INTERVAL.toSeconds() != 0) {
                throw new ReplayDataException(
                        source + ": candle of " + symbol + " at " + openTime + " does not open on a whole hour");
            }
            openSeconds[i] = openTime.getEpochSecond();
            if (i > 0 && openSeconds[i] <= openSeconds[i - 1]) {
                throw new ReplayDataException(
                        source + ": candles of " + symbol + " are not strictly ascending at " + openTime);
            }
        }
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return candles.length;
    }

    public Candle get(int index) {
        return candles[index];
    }

    public Candle first() {
        return candles[0];
    }

    public Candle last() {
        return candles[candles.length - 1];
    }

    /** End of the last candle: open time + 60 minutes. */
    public Instant end() {
        return last().openTime().plus(INTERVAL);
    }

    /** All candles, ascending (an unmodifiable copy). */
    public List<Candle> candles() {
        return List.of(candles);
    }

    /** Index of the newest candle with open time at or before {@code time}, or -1 when there is none. */
    public int indexAtOrBefore(Instant time) {
        // Open times are whole seconds, so comparing with the floor of time is exact.
        int found = Arrays.binarySearch(openSeconds, time.getEpochSecond());
        return found >= 0 ? found : -found - 2;
    }

    /**
     * Index of the newest candle that opened strictly before {@code time}, or -1 when there is none:
     * the newest candle visible at {@code time}, since a candle exists only once it has started.
     */
    public int indexBefore(Instant time) {
        int atOrBefore = indexAtOrBefore(time);
        boolean opensNow = atOrBefore >= 0 && candles[atOrBefore].openTime().equals(time);
        return opensNow ? atOrBefore - 1 : atOrBefore;
    }

    /** Index of the oldest candle with open time at or after {@code time}, or {@link #size()} when none. */
    public int indexAtOrAfter(Instant time) {
        long seconds = time.getNano() == 0 ? time.getEpochSecond() : time.getEpochSecond() + 1;
        int found = Arrays.binarySearch(openSeconds, seconds);
        return found >= 0 ? found : -found - 1;
    }
}
