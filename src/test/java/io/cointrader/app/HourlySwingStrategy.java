package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.strategy.Strategy;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Trades every hour, to keep the order path busy: BUY while the newest candle opened at an even UTC
 * hour, SELL while it opened at an odd one. Every tick inside one hour repeats the same signal, so the
 * idempotency gate sees the repeats too.
 */
final class HourlySwingStrategy implements Strategy {

    @Override
    public String name() {
        return "hourly-swing";
    }

    @Override
    public Signal evaluate(Symbol symbol, List<Candle> candles, MarketData market) {
        if (candles.isEmpty()) {
            return new Signal(name(), symbol, SignalType.HOLD, 0.0, "no candles", null, Map.of());
        }
        Candle newest = candles.get(candles.size() - 1);
        boolean even = newest.openTime().atZone(ZoneOffset.UTC).getHour() % 2 == 0;
        SignalType type = even ? SignalType.BUY : SignalType.SELL;
        return new Signal(name(), symbol, type, 0.7, "hourly swing " + type, newest.openTime(), Map.of());
    }
}
