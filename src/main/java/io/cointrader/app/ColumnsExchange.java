package io.cointrader.app;

import io.cointrader.backtest.CandleColumns;
import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.OrderRejectedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The exchange port over a backtest's candles, seen at the clock's time the way the replay exchange
 * shows them on candle boundaries: the newest candle is the last one that opened before now, complete,
 * and the price is its close; {@code prevClose} is the close of the last candle before the current UTC
 * day. The history has neither quotes nor an order book, and the ticker no day aggregates.
 */
final class ColumnsExchange implements ExchangeAdapter {

    private static final long DAY_SECONDS = 86_400;

    private final Map<Symbol, CandleColumns> data;
    private final Duration interval;
    private final Clock clock;

    ColumnsExchange(Map<Symbol, CandleColumns> data, Duration interval, Clock clock) {
        this.data = Map.copyOf(data);
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public MarketData ticker(Symbol symbol) {
        CandleColumns columns = columns(symbol);
        long now = clock.instant().getEpochSecond();
        int newest = columns.indexBefore(now);
        if (newest < 0) {
            throw new ExchangeUnavailableException("no candle of " + symbol + " before " + clock.instant());
        }
        return marketData(columns, newest, now);
    }

    /**
     * The ticker of candle {@code newest} at time {@code now} (epoch seconds): its close as the price
     * and the previous day's close. The day's open, high, low and volume are left out (null, as
     * {@link MarketData} allows): no step of a tick uses them, and building them for every full tick
     * would cost the backtest time for nothing.
     */
    static MarketData marketData(CandleColumns columns, int newest, long now) {
        int lastOfPreviousDay = columns.indexBefore(Math.floorDiv(now, DAY_SECONDS) * DAY_SECONDS);
        BigDecimal prevClose = lastOfPreviousDay >= 0 ? columns.exactClose(lastOfPreviousDay) : null;
        return new MarketData(
                columns.symbol(),
                columns.exactClose(newest),
                null,
                null,
                null,
                null,
                prevClose,
                null,
                null,
                Instant.ofEpochSecond(now));
    }

    @Override
    public List<Candle> candles(Symbol symbol, int intervalMinutes, int count) {
        if (intervalMinutes != interval.toMinutes()) {
            throw new IllegalArgumentException(
                    "this backtest has " + interval.toMinutes() + "-minute candles, not " + intervalMinutes);
        }
        CandleColumns columns = columns(symbol);
        int newest = columns.indexBefore(clock.instant().getEpochSecond());
        int oldest = Math.max(0, newest - count + 1);
        List<Candle> out = new ArrayList<>(Math.max(0, newest - oldest + 1));
        for (int i = oldest; i <= newest; i++) {
            out.add(columns.candle(i));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public OrderBook orderBook(Symbol symbol) {
        columns(symbol);
        return new OrderBook(symbol, List.of(), clock.instant());
    }

    @Override
    public List<MarketInfo> markets() {
        return data.keySet().stream()
                .map(s -> new MarketInfo(s, s.base(), s.base()))
                .toList();
    }

    private CandleColumns columns(Symbol symbol) {
        CandleColumns columns = data.get(symbol);
        if (columns == null) {
            throw new OrderRejectedException("no candles of " + symbol + " in this backtest");
        }
        return columns;
    }
}
