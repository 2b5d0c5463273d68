package io.cointrader.exchange.upbit;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExchangeAdapter} over Upbit's public quotation REST endpoints (no credentials). Failures,
 * retries and throttling are those of the shared {@link UpbitHttp}.
 */
public final class UpbitExchangeAdapter implements ExchangeAdapter {

    private static final Logger log = LoggerFactory.getLogger(UpbitExchangeAdapter.class);

    /** Minute-candle units Upbit serves. */
    public static final Set<Integer> MINUTE_UNITS = Set.of(1, 3, 5, 10, 15, 30, 60, 240);

    /** Most candles one call may ask for. */
    public static final int MAX_CANDLES = 200;

    private final UpbitHttp http;
    private final Set<Symbol> quotesMissing = ConcurrentHashMap.newKeySet();

    public UpbitExchangeAdapter(UpbitHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "upbit";
    }

    /**
     * {@code /v1/ticker} plus the best level of {@code /v1/orderbook}. A failing ticker call throws; a
     * failing order-book call alone yields {@code bid}/{@code ask} null (warned once until it recovers),
     * since the price itself is sound.
     */
    @Override
    public MarketData ticker(Symbol symbol) {
        MarketData ticker = http.read(
                UpbitRequest.get("/v1/ticker", RateGroup.TICKER, "markets", symbol.marketCode()),
                body -> QuotationParser.ticker(body, symbol));
        OrderBook top;
        try {
            top = http.read(
                    UpbitRequest.get(
                            "/v1/orderbook", RateGroup.ORDERBOOK, "markets", symbol.marketCode(), "count", "1"),
                    body -> QuotationParser.orderBook(body, symbol));
        } catch (ExchangeException e) {
            if (quotesMissing.add(symbol)) {
                log.warn(
                        "Upbit order book of {} unavailable, ticker served without bid/ask: {}",
                        symbol,
                        e.getMessage());
            }
            return ticker;
        }
        if (quotesMissing.remove(symbol)) {
            log.info("Upbit order book of {} available again", symbol);
        }
        return new MarketData(
                symbol,
                ticker.price(),
                ticker.open(),
                ticker.high(),
                ticker.low(),
                ticker.volume(),
                ticker.prevClose(),
                top.bestBid(),
                top.bestAsk(),
                ticker.timestamp());
    }

    /**
     * {@code /v1/candles/minutes/{unit}}, sorted ascending, duplicates by open time removed.
     *
     * @throws IllegalArgumentException when the unit is not one of {@link #MINUTE_UNITS} or {@code count}
     *     is outside 1..{@value #MAX_CANDLES}
     */
    @Override
    public List<Candle> candles(Symbol symbol, int intervalMinutes, int count) {
        if (!MINUTE_UNITS.contains(intervalMinutes)) {
            throw new IllegalArgumentException(
                    "Upbit minute candles exist for 1, 3, 5, 10, 15, 30, 60, 240 minutes, not " + intervalMinutes);
        }
        if (count < 1 || count > MAX_CANDLES) {
            throw new IllegalArgumentException("candle count must be 1.." + MAX_CANDLES + ", got " + count);
        }
        return http.read(
                UpbitRequest.get(
                        "/v1/candles/minutes/" + intervalMinutes,
                        RateGroup.CANDLE,
                        "market",
                        symbol.marketCode(),
                        "count",
                        Integer.toString(count)),
                body -> QuotationParser.candles(body, symbol));
    }

    /** {@code /v1/orderbook} at Upbit's default depth (30 levels). */
    @Override
    public OrderBook orderBook(Symbol symbol) {
        return http.read(
                UpbitRequest.get("/v1/orderbook", RateGroup.ORDERBOOK, "markets", symbol.marketCode()),
                body -> QuotationParser.orderBook(body, symbol));
    }

    /** {@code /v1/market/all}, every quote market; entries that are not valid pair codes are skipped. */
    @Override
    public List<MarketInfo> markets() {
        return http.read(UpbitRequest.get("/v1/market/all", RateGroup.MARKET), QuotationParser::markets);
    }

    /**
     * Price tick per symbol. The source of truth is {@code /v1/orderbook/instruments}; for a KRW symbol
     * that call fails for or leaves out, the tick of {@link TickSize#krwTick} at the current trade price
     * is used (one {@code /v1/ticker} call for all of them). Either way the tick belongs to the price
     * band of the moment and goes stale when the price crosses a band. A non-KRW symbol the instruments
     * call does not know is absent from the map.
     *
     * @throws ExchangeException when the fallback's ticker call fails too
     */
    public Map<Symbol, BigDecimal> tickSizes(Collection<Symbol> symbols) {
        Set<Symbol> wanted = new LinkedHashSet<>(symbols);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Symbol, BigDecimal> found;
        try {
            found = http.read(
                    UpbitRequest.get("/v1/orderbook/instruments", RateGroup.ORDERBOOK, "markets", codes(wanted)),
                    QuotationParser::tickSizes);
        } catch (ExchangeException e) {
            log.warn("Upbit tick sizes unavailable, using the KRW tick table: {}", e.getMessage());
            found = Map.of();
        }
        Map<Symbol, BigDecimal> ticks = new LinkedHashMap<>();
        Set<Symbol> fallback = new LinkedHashSet<>();
        for (Symbol symbol : wanted) {
            BigDecimal tick = found.get(symbol);
            if (tick != null) {
                ticks.put(symbol, tick);
            } else if (symbol.quote().equals("KRW")) {
                fallback.add(symbol);
            }
        }
        ticks.putAll(krwTableTicks(fallback));
        return Map.copyOf(ticks);
    }

    /** {@link TickSize#krwTick} at each symbol's current trade price, from one ticker call. */
    private Map<Symbol, BigDecimal> krwTableTicks(Set<Symbol> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        Map<Symbol, MarketData> prices = http.read(
                UpbitRequest.get("/v1/ticker", RateGroup.TICKER, "markets", codes(symbols)), QuotationParser::tickers);
        Map<Symbol, BigDecimal> ticks = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            MarketData data = prices.get(symbol);
            if (data != null) {
                ticks.put(symbol, TickSize.krwTick(data.price()));
            }
        }
        return ticks;
    }

    private static String codes(Collection<Symbol> symbols) {
        return symbols.stream().map(Symbol::marketCode).collect(Collectors.joining(","));
    }
}
