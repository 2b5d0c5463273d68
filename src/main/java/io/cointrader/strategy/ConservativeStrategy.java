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
    private final Map<Symbol, ConservativeTrack> tracks = new HashMap<>();

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

    /**
     * The state kept for {@code symbol}, created empty when there is none: the allocation-free way to
     * step this strategy candle by candle. {@link #evaluate} keeps using (and may reset) the same
     * object.
     */
    public ConservativeTrack track(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return tracks.computeIfAbsent(symbol, s -> new ConservativeTrack(s, parameters, rules, minCandles));
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
            return new Signal(NAME, symbol, SignalType.HOLD, 0.0, "insufficient data (no candles)", null, Map.of());
        }
        Candle newest = candles.get(candles.size() - 1);
        ConservativeTrack track = advance(symbol, candles.subList(0, candles.size() - 1));
        double price = IndicatorState.toDouble(market != null ? market.price() : newest.close());
        track.evaluate(
                IndicatorState.toDouble(newest.high()),
                IndicatorState.toDouble(newest.low()),
                IndicatorState.toDouble(newest.close()),
                IndicatorState.toDouble(newest.volume()),
                price);
        return track.signal(newest.openTime());
    }

    private ConservativeTrack advance(Symbol symbol, List<Candle> closed) {
        ConservativeTrack track = track(symbol);
        int resumeAt = resumeIndex(track.state(), closed);
        if (resumeAt < 0) {
            track.reset();
            resumeAt = 0;
        }
        IndicatorState state = track.state();
        for (int i = resumeAt; i < closed.size(); i++) {
            Candle candle = closed.get(i);
            state.fold(
                    candle.openTime().getEpochSecond(),
                    candle.openTime().getNano(),
                    IndicatorState.toDouble(candle.high()),
                    IndicatorState.toDouble(candle.low()),
                    IndicatorState.toDouble(candle.close()),
                    IndicatorState.toDouble(candle.volume()));
        }
        return track;
    }

    /**
     * Index of the first closed candle newer than the last folded one, or -1 when the series does not
     * continue the kept state: the last folded candle is missing from the series, or present with other
     * values.
     */
    private static int resumeIndex(IndicatorState state, List<Candle> closed) {
        if (!state.hasLast()) {
            return -1;
        }
        // The kept candle is almost always one of the newest, so search from the end.
        for (int i = closed.size() - 1; i >= 0; i--) {
            Candle candle = closed.get(i);
            Instant open = candle.openTime();
            int order = state.compareWithLast(open.getEpochSecond(), open.getNano());
            if (order == 0) {
                boolean same = state.lastIs(
                        open.getEpochSecond(),
                        open.getNano(),
                        IndicatorState.toDouble(candle.high()),
                        IndicatorState.toDouble(candle.low()),
                        IndicatorState.toDouble(candle.close()),
                        IndicatorState.toDouble(candle.volume()));
                return same ? i + 1 : -1;
            }
            if (order < 0) {
                return -1;
            }
        }
        return -1;
    }
}
