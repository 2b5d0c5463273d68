package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.strategy.Strategy;
import java.util.List;
import java.util.Map;

/** Returns whatever signal type it is told to, on the newest candle it is given. */
final class ScriptedStrategy implements Strategy {

    SignalType next = SignalType.HOLD;
    int calls;

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Signal evaluate(Symbol symbol, List<Candle> candles, MarketData market) {
        calls++;
        double confidence = next == SignalType.HOLD ? 0.0 : 0.7;
        return new Signal(
                name(),
                symbol,
                next,
                confidence,
                "scripted " + next,
                candles.get(candles.size() - 1).openTime(),
                Map.of());
    }
}
