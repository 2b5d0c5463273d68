package io.cointrader.sim;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The replayed market at any moment, taken from {@link ReplayExchange} so that the simulator quotes
 * exactly the prices of the offline replay (same intra-hour path, same gaps, no look-ahead).
 * Immutable and safe to share.
 */
final class PricePath {

    /** The market of a symbol at one moment it trades: the path price and the volume of its candle. */
    record Trading(BigDecimal price, BigDecimal candleVolume) {}

    private final History history;

    PricePath(History history) {
        this.history = history;
    }

    History history() {
        return history;
    }

    /** The replay exchange as it looks at {@code time}. */
    ReplayExchange at(Instant time) {
        return new ReplayExchange(history, Clock.fixed(time, ZoneOffset.UTC));
    }

    /**
     * The path price and the volume of the newest visible candle while {@code time} is inside that
     * candle or exactly at its close; empty in a gap, before the history and after it: no trades, no
     * fills. A candle trades over (open, open + 60 minutes], the moments at which the replay shows it:
     * at an hour boundary the market trades at the close of the candle that just ended, as the quotes
     * at that instant say, never at the open of the candle that starts then and is not visible yet.
     */
    Optional<Trading> tradingAt(Symbol symbol, Instant time) {
        Optional<CandleSeries> series = history.series(symbol);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        int index = series.get().indexBefore(time);
        if (index < 0) {
            return Optional.empty();
        }
        Candle candle = series.get().get(index);
        if (time.isAfter(candle.openTime().plus(CandleSeries.INTERVAL))) {
            return Optional.empty();
        }
        return Optional.of(new Trading(newestVisible(symbol, time).close(), candle.volume()));
    }

    /**
     * The last price at {@code time}, as the replay's ticker quotes it (a gap keeps the previous
     * close); empty before the first candle has started and after the end of the history.
     */
    Optional<BigDecimal> priceAt(Symbol symbol, Instant time) {
        Optional<CandleSeries> series = history.series(symbol);
        if (series.isEmpty()
                || series.get().indexBefore(time) < 0
                || time.isAfter(series.get().end())) {
            return Optional.empty();
        }
        return Optional.of(newestVisible(symbol, time).close());
    }

    /** The newest candle the replay shows at {@code time}, forming or complete; one must exist. */
    private Candle newestVisible(Symbol symbol, Instant time) {
        return at(time).candles(symbol, ReplayExchange.INTERVAL_MINUTES, 1).get(0);
    }
}
