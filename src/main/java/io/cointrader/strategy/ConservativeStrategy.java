package io.cointrader.strategy;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conservative trend following: BUY in a calm uptrend (fast EMA above slow EMA, price above slow EMA,
 * ATR/price below the volatility threshold, 30 < RSI < 65, volume above half its mean), SELL on a
 * trend reversal (fast EMA below slow EMA) or when RSI is above 75, HOLD otherwise.
 *
 * <p>Per symbol it keeps the indicators folded up to the last closed candle (every candle but the
 * newest) and on each call folds in only the closed candles it has not seen; the newest candle, which
 * may still be forming, is evaluated provisionally and never folded. When a series does not continue
 * the kept state (a gap wider than the series, older data, or a changed candle) the state is rebuilt
 * from the given candles. The result therefore equals a computation from scratch over the same closed
 * history. Not thread-safe: one instance per trading thread.
 */
public final class ConservativeStrategy implements Strategy {

    /** Part of every intent id of this strategy; never change it. */
    public static final String NAME = "conservative";

    /** Candles beyond the slow EMA period required before any decision. */
    private static final int WARM_UP_MARGIN = 10;

    private final ConservativeParameters parameters;
    private final ConservativeRules rules;
    private final int minCandles;
    private final Map<Symbol, IndicatorState> states = new HashMap<>();

    /** With {@link ConservativeParameters#defaults()}. */
    public ConservativeStrategy() {
        this(ConservativeParameters.defaults());
    }

    public ConservativeStrategy(ConservativeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.rules = new ConservativeRules(parameters);
        this.minCandles = Math.max(parameters.slowPeriod() + WARM_UP_MARGIN, new IndicatorState(parameters).warmUp());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Candles needed before a decision other than "insufficient data": 36 with the default parameters. */
    public int minCandles() {
        return minCandles;
    }

    public ConservativeParameters parameters() {
        return parameters;
    }

    @Override
    public Signal evaluate(Symbol symbol, List<Candle> candlesAscending, MarketData market) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(candlesAscending, "candlesAscending");
        if (market != null && !market.symbol().equals(symbol)) {
            throw new IllegalArgumentException("market data of " + market.symbol() + " given for " + symbol);
        }
        List<Candle> candles = CandleSeries.ascendingUnique(candlesAscending);
        if (candles.isEmpty()) {
            return hold(symbol, null, "insufficient data (no candles)");
        }
        Candle newest = candles.get(candles.size() - 1);
        IndicatorState state = advance(symbol, candles.subList(0, candles.size() - 1));
        long history = state.count() + 1;
        if (history < minCandles) {
            return hold(symbol, newest.openTime(), "insufficient data (" + history + " of " + minCandles + " candles)");
        }
        double price = IndicatorState.toDouble(market != null ? market.price() : newest.close());
        if (!(price > 0.0) || !Double.isFinite(price)) {
            return hold(symbol, newest.openTime(), "no valid price (" + price + ")");
        }
        IndicatorValues values = state.peek(newest);
        Decision decision = rules.decide(values, price);
        return new Signal(
                NAME,
                symbol,
                decision.type(),
                decision.confidence(),
                decision.reason(),
                newest.openTime(),
                values.asMap(price));
    }

    private IndicatorState advance(Symbol symbol, List<Candle> closed) {
        IndicatorState state = states.get(symbol);
        int resumeAt = state == null ? -1 : resumeIndex(state.last(), closed);
        if (resumeAt < 0) {
            state = new IndicatorState(parameters);
            states.put(symbol, state);
            resumeAt = 0;
        }
        for (int i = resumeAt; i < closed.size(); i++) {
            state.fold(closed.get(i));
        }
        return state;
    }

    /**
     * Index of the first closed candle newer than {@code last}, or -1 when the series does not continue
     * from {@code last}: it is missing from the series, or present with other values.
     */
    private static int resumeIndex(Candle last, List<Candle> closed) {
        if (last == null) {
            return -1;
        }
        // The kept candle is almost always one of the newest, so search from the end.
        for (int i = closed.size() - 1; i >= 0; i--) {
            Candle candle = closed.get(i);
            int order = candle.openTime().compareTo(last.openTime());
            if (order == 0) {
                return sameValues(candle, last) ? i + 1 : -1;
            }
            if (order < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean sameValues(Candle a, Candle b) {
        return a.open().compareTo(b.open()) == 0
                && a.high().compareTo(b.high()) == 0
                && a.low().compareTo(b.low()) == 0
                && a.close().compareTo(b.close()) == 0
                && a.volume().compareTo(b.volume()) == 0;
    }

    private static Signal hold(Symbol symbol, Instant candleTime, String reason) {
        return new Signal(NAME, symbol, SignalType.HOLD, 0.0, reason, candleTime, Map.of());
    }
}
