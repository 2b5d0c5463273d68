package io.cointrader.strategy;

import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.Map;

/**
 * The state of {@link ConservativeStrategy} for one symbol, and its allocation-free step: {@link
 * #fold} a closed candle, {@link #evaluate} the newest one to a {@link SignalType}, and build the full
 * {@link Signal} (reason and indicator values) only when it is needed. {@link
 * ConservativeStrategy#evaluate} runs through the same methods, so the trading loop and a backtest
 * decide alike. Not thread-safe.
 */
public final class ConservativeTrack {

    private enum Outcome {
        NOT_EVALUATED,
        INSUFFICIENT_DATA,
        INVALID_PRICE,
        DECIDED
    }

    private final Symbol symbol;
    private final ConservativeParameters parameters;
    private final ConservativeRules rules;
    private final int minCandles;
    private IndicatorState state;
    private Outcome outcome = Outcome.NOT_EVALUATED;
    private SignalType type = SignalType.HOLD;
    private double price = Double.NaN;

    ConservativeTrack(Symbol symbol, ConservativeParameters parameters, ConservativeRules rules, int minCandles) {
        this.symbol = symbol;
        this.parameters = parameters;
        this.rules = rules;
        this.minCandles = minCandles;
        this.state = new IndicatorState(parameters);
    }

    public Symbol symbol() {
        return symbol;
    }

    /** Folds in a closed candle for good. */
    public void fold(long openEpochSecond, double high, double low, double close, double volume) {
        state.fold(openEpochSecond, 0, high, low, close, volume);
    }

    /**
     * Evaluates the newest candle, which may still be forming, at {@code price}; nothing is folded and
     * nothing is allocated. HOLD until the strategy has {@link ConservativeStrategy#minCandles()}
     * candles (the folded ones and this one), and for a price that is not a positive number.
     */
    public SignalType evaluate(double high, double low, double close, double volume, double price) {
        this.price = price;
        if (state.count() + 1 < minCandles) {
            outcome = Outcome.INSUFFICIENT_DATA;
            type = SignalType.HOLD;
            return type;
        }
        if (!(price > 0.0) || !Double.isFinite(price)) {
            outcome = Outcome.INVALID_PRICE;
            type = SignalType.HOLD;
            return type;
        }
        state.peek(high, low, close, volume);
        outcome = Outcome.DECIDED;
        type = rules.type(
                state.peekFast(),
                state.peekSlow(),
                state.peekAtr(),
                state.peekRsi(),
                state.peekVolume(),
                state.peekVolumeMean(),
                price);
        return type;
    }

    /**
     * The full signal of the last {@link #evaluate}, with its reason and indicator values.
     *
     * @param candleTime open time of the candle that was evaluated
     */
    public Signal signal(Instant candleTime) {
        return switch (outcome) {
            case NOT_EVALUATED -> throw new IllegalStateException("nothing has been evaluated for " + symbol);
            case INSUFFICIENT_DATA -> hold(
                    candleTime, "insufficient data (" + (state.count() + 1) + " of " + minCandles + " candles)");
            case INVALID_PRICE -> hold(candleTime, "no valid price (" + price + ")");
            case DECIDED -> decided(candleTime);
        };
    }

    /** Fast EMA of the last decided evaluation; NaN before the strategy has enough candles. */
    public double fastEma() {
        return outcome == Outcome.DECIDED ? state.peekFast() : Double.NaN;
    }

    /** Slow EMA of the last decided evaluation; NaN before the strategy has enough candles. */
    public double slowEma() {
        return outcome == Outcome.DECIDED ? state.peekSlow() : Double.NaN;
    }

    /** Number of closed candles folded in. */
    public long foldedCandles() {
        return state.count();
    }

    IndicatorState state() {
        return state;
    }

    /** Starts over with no candles. */
    void reset() {
        state = new IndicatorState(parameters);
        outcome = Outcome.NOT_EVALUATED;
        type = SignalType.HOLD;
    }

    private Signal decided(Instant candleTime) {
        IndicatorValues values = state.peeked();
        Decision decision = rules.decide(values, price);
        return new Signal(
                ConservativeStrategy.NAME,
                symbol,
                decision.type(),
                decision.confidence(),
                decision.reason(),
                candleTime,
                values.asMap(price));
    }

    private Signal hold(Instant candleTime, String reason) {
        return new Signal(ConservativeStrategy.NAME, symbol, SignalType.HOLD, 0.0, reason, candleTime, Map.of());
    }
}
