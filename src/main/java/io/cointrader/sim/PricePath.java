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
import java.util.List;
import java.util.Optional;

/**
 * The replayed market at any moment, taken from {@link ReplayExchange} so that the simulator quotes
 * exactly the prices of the offline replay (same intra-hour path, same gaps, no look-ahead).
 * Immutable and safe to share.
 */
final class PricePath {

    /** The market of a symbol at one moment inside a candle: the path price and that hour's volume. */
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
     * The path price and the candle's volume while {@code time} is inside one of the symbol's candles;
     * empty in a gap, before the history and after it: no trades, no fills.
     */
    Optional<Trading> tradingAt(Symbol symbol, Instant time) {
        Optional<CandleSeries> series = history.series(symbol);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        int index = series.get().indexAtOrBefore(time);
        if (index < 0) {
            return Optional.empty();
        }
        Candle candle = series.get().get(index);
        if (!time.isBefore(candle.openTime().plus(CandleSeries.INTERVAL))) {
            return Optional.empty();
        }
        List<Candle> forming = at(tradingInstant(candle, time)).candles(symbol, ReplayExchange.INTERVAL_MINUTES, 1);
        return Optional.of(new Trading(forming.get(0).close(), candle.volume()));
    }

    /** The last price at {@code time} (a gap keeps the previous close); empty outside the history. */
    Optional<BigDecimal> priceAt(Symbol symbol, Instant time) {
        Optional<CandleSeries> series = history.series(symbol);
        if (series.isEmpty()
                || series.get().indexAtOrBefore(time) < 0
                || !time.isBefore(series.get().end())) {
            return Optional.empty();
        }
        Candle candle = series.get().get(series.get().indexAtOrBefore(time));
        return Optional.of(at(tradingInstant(candle, time))
                .candles(symbol, ReplayExchange.INTERVAL_MINUTES, 1)
                .get(0)
                .close());
    }

    /**
     * The replay shows a candle only after its opening instant; the simulator trades from that instant
     * on, so at the very opening it looks one nanosecond later, where the path price is the open.
     */
    private static Instant tradingInstant(Candle candle, Instant time) {
        return time.equals(candle.openTime()) ? time.plusNanos(1) : time;
    }
}
