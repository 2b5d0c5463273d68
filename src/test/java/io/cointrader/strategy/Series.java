package io.cointrader.strategy;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Hand-built hourly candle series for strategy tests. */
final class Series {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Symbol BTC = Symbol.parse("BTC/KRW");

    private Series() {}

    /**
     * {@code n} hourly candles: close from {@code closes}, high and low {@code spread} (a fraction)
     * around the close, open at the previous close, volume from {@code volumes}.
     */
    static List<Candle> build(int n, IntToDoubleFunction closes, double spread, IntToDoubleFunction volumes) {
        List<Candle> candles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double close = closes.applyAsDouble(i);
            double open = i == 0 ? close : closes.applyAsDouble(i - 1);
            double high = Math.max(open, close) * (1 + spread);
            double low = Math.min(open, close) * (1 - spread);
            candles.add(candle(i, open, high, low, close, volumes.applyAsDouble(i)));
        }
        return candles;
    }

    /** A calm uptrend: +0.1 % per hour with a ±0.3 % zig-zag (RSI near 58), spread 0.2 %, volume 10. */
    static List<Candle> calmUptrend(int n) {
        return build(n, Series::calmUptrendClose, 0.002, i -> 10.0);
    }

    static double calmUptrendClose(int i) {
        return 100_000_000.0 * (1 + 0.001 * i) * (i % 2 == 0 ? 1.003 : 0.997);
    }

    static Candle candle(int hour, double open, double high, double low, double close, double volume) {
        return new Candle(
                START.plus(Duration.ofHours(hour)), krw(open), krw(high), krw(low), krw(close), volumeOf(volume));
    }

    static MarketData ticker(Symbol symbol, BigDecimal price) {
        return new MarketData(symbol, price, price, price, price, BigDecimal.ONE, price, null, null, START);
    }

    static MarketData tickerAtClose(Symbol symbol, List<Candle> candles) {
        return ticker(symbol, candles.get(candles.size() - 1).close());
    }

    private static BigDecimal krw(double value) {
        return BigDecimal.valueOf(Math.round(value));
    }

    private static BigDecimal volumeOf(double value) {
        return BigDecimal.valueOf(value);
    }
}
