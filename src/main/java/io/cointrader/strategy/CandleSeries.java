package io.cointrader.strategy;

import io.cointrader.core.Candle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Puts candle lists into the one shape strategies rely on: ascending by open time, one per time. */
final class CandleSeries {

    private CandleSeries() {}

    /**
     * The candles sorted ascending by open time; of candles sharing an open time, the one later in the
     * list wins. Returns {@code candles} itself when it is already strictly ascending.
     */
    static List<Candle> ascendingUnique(List<Candle> candles) {
        if (isStrictlyAscending(candles)) {
            return candles;
        }
        TreeMap<Instant, Candle> byOpenTime = new TreeMap<>();
        for (Candle candle : candles) {
            byOpenTime.put(candle.openTime(), candle);
        }
        return List.copyOf(byOpenTime.values());
    }

    private static boolean isStrictlyAscending(List<Candle> candles) {
        Instant previous = null;
        for (Candle candle : candles) {
            Objects.requireNonNull(candle, "candle list contains null");
            if (previous != null && !candle.openTime().isAfter(previous)) {
                return false;
            }
            previous = candle.openTime();
        }
        return true;
    }
}
