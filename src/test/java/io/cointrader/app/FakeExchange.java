package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scriptable exchange: set a price and previous close per symbol, or make the next calls fail. */
final class FakeExchange implements ExchangeAdapter {

    private final Clock clock;
    private final Map<Symbol, BigDecimal> prices = new HashMap<>();
    private final Map<Symbol, BigDecimal> prevCloses = new HashMap<>();
    private int failingTickers;
    private int refusedTickers;
    private java.time.Instant bannedUntil;
    int tickerCalls;
    int candleCalls;

    FakeExchange(Clock clock) {
        this.clock = clock;
    }

    FakeExchange price(Symbol symbol, String price) {
        prices.put(symbol, new BigDecimal(price));
        prevCloses.putIfAbsent(symbol, new BigDecimal(price));
        return this;
    }

    FakeExchange prevClose(Symbol symbol, String prevClose) {
        prevCloses.put(symbol, new BigDecimal(prevClose));
        return this;
    }

    FakeExchange bannedUntil(java.time.Instant until) {
        bannedUntil = until;
        return this;
    }

    FakeExchange failNextTickers(int count) {
        failingTickers = count;
        return this;
    }

    /** The next {@code count} ticker calls fail as Upbit answers an expired key. */
    FakeExchange refuseNextTickers(int count) {
        refusedTickers = count;
        return this;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public MarketData ticker(Symbol symbol) {
        tickerCalls++;
        if (bannedUntil != null && clock.instant().isBefore(bannedUntil)) {
            throw new io.cointrader.exchange.upbit.UpbitBanException("HTTP 418", bannedUntil);
        }
        if (refusedTickers > 0) {
            refusedTickers--;
            throw new io.cointrader.exchange.AuthFailedException(
                    "Upbit GET /v1/ticker: HTTP 401 expired_access_key: the key has expired");
        }
        if (failingTickers > 0) {
            failingTickers--;
            throw new ExchangeUnavailableException("scripted failure");
        }
        BigDecimal p = prices.get(symbol);
        return new MarketData(symbol, p, p, p, p, BigDecimal.TEN, prevCloses.get(symbol), p, p, clock.instant());
    }

    /** 60 hourly candles ending with the one that contains the clock's time, all at the current price. */
    @Override
    public List<Candle> candles(Symbol symbol, int intervalMinutes, int count) {
        candleCalls++;
        BigDecimal p = prices.get(symbol);
        Instant newest = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<Candle> out = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            out.add(new Candle(newest.minus(Duration.ofHours(i)), p, p, p, p, BigDecimal.ONE));
        }
        return out;
    }

    @Override
    public OrderBook orderBook(Symbol symbol) {
        throw new UnsupportedOperationException("not used by the tick");
    }

    @Override
    public List<MarketInfo> markets() {
        return List.of();
    }
}
