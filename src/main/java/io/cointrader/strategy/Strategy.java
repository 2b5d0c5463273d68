package io.cointrader.strategy;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import java.util.List;

/**
 * Turns the recent candles of one symbol into one trading signal. Pure computation: no I/O and no
 * clock. Implementations may keep per-symbol state between calls; an instance serves several symbols
 * and is called from one thread.
 */
public interface Strategy {

    /**
     * Stable name of the strategy. It is part of every deterministic intent id, so it must not change
     * between releases.
     */
    String name();

    /**
     * Evaluates the newest candle of {@code candlesAscending}.
     *
     * @param symbol the symbol the candles and the ticker belong to
     * @param candlesAscending recent candles of one interval, oldest first; the newest may still be
     *     forming and every other one is taken as closed. Out-of-order input is sorted, and of candles
     *     sharing an open time the one later in the list is kept.
     * @param market the latest ticker of {@code symbol}, whose price is taken as the current price; may
     *     be null, in which case the close of the newest candle is used
     * @return never null; HOLD when the data do not allow a decision. {@link Signal#candleTime()} is the
     *     open time of the newest candle, or null when no candle was given
     * @throws IllegalArgumentException when {@code market} belongs to another symbol
     */
    Signal evaluate(Symbol symbol, List<Candle> candlesAscending, MarketData market);
}
