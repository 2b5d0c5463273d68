package io.cointrader.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.TickSize;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.ReplayExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The quotation (public) endpoints over the replay, answered at the request's market time with JSON
 * numbers (upbit-api.md section 1). Outside a market's history there is no price: 503 {@code
 * market_data_unavailable} (a simulator-only name).
 */
final class QuotationApi {

    private final PricePath path;

    QuotationApi(PricePath path) {
        this.path = path;
    }

    /** GET /v1/market/all[?is_details=true]. */
    Reply markets(SimRequest request) {
        boolean details =
                request.params().first("is_details").map(Boolean::parseBoolean).orElse(false);
        ArrayNode array = SimJson.array();
        for (MarketInfo info : path.at(request.marketTime()).markets()) {
            ObjectNode node = array.addObject();
            node.put("market", info.symbol().marketCode());
            node.put("korean_name", info.koreanName());
            node.put("english_name", info.englishName());
            if (details) {
                ObjectNode event = node.putObject("market_event");
                event.put("warning", false);
                ObjectNode caution = event.putObject("caution");
                for (String flag : new String[] {
                    "PRICE_FLUCTUATIONS",
                    "TRADING_VOLUME_SOARING",
                    "DEPOSIT_AMOUNT_SOARING",
                    "GLOBAL_PRICE_DIFFERENCES",
                    "CONCENTRATION_OF_SMALL_ACCOUNTS"
                }) {
                    caution.put(flag, false);
                }
            }
        }
        return Reply.json(200, array);
    }

    /** GET /v1/ticker?markets=A,B. */
    Reply tickers(SimRequest request) {
        ReplayExchange exchange = path.at(request.marketTime());
        ArrayNode array = SimJson.array();
        for (Symbol symbol : symbols(request.params())) {
            CandleSeries series = path.history().series(symbol).orElseThrow();
            array.add(priced(() -> TickerJson.ticker(exchange, series, symbol, request.marketTime())));
        }
        return Reply.json(200, array);
    }

    /** GET /v1/orderbook?markets=A,B: the replay's one synthetic level around the path price. */
    Reply orderBooks(SimRequest request) {
        ReplayExchange exchange = path.at(request.marketTime());
        ArrayNode array = SimJson.array();
        for (Symbol symbol : symbols(request.params())) {
            OrderBook book = priced(() -> exchange.orderBook(symbol));
            ObjectNode node = array.addObject();
            node.put("market", symbol.marketCode());
            node.put("timestamp", book.timestamp().toEpochMilli());
            BigDecimal asks = BigDecimal.ZERO;
            BigDecimal bids = BigDecimal.ZERO;
            ArrayNode units = SimJson.array();
            for (OrderBook.Level level : book.levels()) {
                boolean hasBid = level.bidPrice() != null;
                ObjectNode unit = units.addObject();
                unit.put("ask_price", level.askPrice());
                unit.put("bid_price", hasBid ? level.bidPrice() : BigDecimal.ZERO);
                unit.put("ask_size", level.askSize());
                unit.put("bid_size", hasBid ? level.bidSize() : BigDecimal.ZERO);
                asks = asks.add(level.askSize());
                bids = hasBid ? bids.add(level.bidSize()) : bids;
            }
            node.put("total_ask_size", asks);
            node.put("total_bid_size", bids);
            node.set("orderbook_units", units);
            node.put("level", 0);
        }
        return Reply.json(200, array);
    }

    /** GET /v1/orderbook/instruments?markets=A,B: the KRW tick at the current price, as a string. */
    Reply instruments(SimRequest request) {
        ArrayNode array = SimJson.array();
        for (Symbol symbol : symbols(request.params())) {
            ObjectNode node = array.addObject();
            node.put("market", symbol.marketCode());
            node.put("quote_currency", symbol.quote());
            node.put("tick_size", SimJson.text(TickSize.krwTick(referencePrice(symbol, request.marketTime()))));
            node.putArray("supported_levels").add("0");
        }
        return Reply.json(200, array);
    }

    /** GET /v1/candles/minutes/{unit}?market=&count=&to=: newest first, the first one forming. */
    Reply candles(SimRequest request, String unit) {
        if (!unit.equals("60")) {
            throw ApiError.validation("the simulator serves 60-minute candles only, not " + unit);
        }
        CandleWindow window = CandleWindow.of(request.params(), path.history());
        Instant now = request.marketTime();
        CandleSeries series = window.series();
        ArrayNode array = SimJson.array();
        for (Candle candle : newestFirst(series, window, now)) {
            array.add(candle(series.symbol(), candle, now));
        }
        return Reply.json(200, array);
    }

    /**
     * The candles visible at {@code now} (opened strictly before it, as the replay shows them) that
     * also opened strictly before {@code to}, newest first. At an hour boundary the newest is the
     * candle that just closed, complete; the one opening at that instant is not shown yet.
     */
    private List<Candle> newestFirst(CandleSeries series, CandleWindow window, Instant now) {
        int newest = series.indexBefore(now);
        if (window.to() != null) {
            newest = Math.min(newest, series.indexBefore(window.to()));
        }
        List<Candle> out = new ArrayList<>(window.count());
        for (int i = newest; i >= 0 && out.size() < window.count(); i--) {
            Candle candle = series.get(i);
            boolean forming = now.isBefore(candle.openTime().plus(CandleSeries.INTERVAL));
            out.add(
                    forming
                            ? path.at(now)
                                    .candles(series.symbol(), ReplayExchange.INTERVAL_MINUTES, 1)
                                    .get(0)
                            : candle);
        }
        return out;
    }

    private static ObjectNode candle(Symbol symbol, Candle candle, Instant now) {
        Instant end = candle.openTime().plus(CandleSeries.INTERVAL);
        Instant lastTick = now.isBefore(end) ? now : end.minusMillis(1);
        ObjectNode node = SimJson.object();
        node.put("market", symbol.marketCode());
        node.put("candle_date_time_utc", SimJson.localTime(candle.openTime(), ZoneOffset.UTC));
        node.put("candle_date_time_kst", SimJson.localTime(candle.openTime(), SimJson.KST));
        node.put("opening_price", candle.open());
        node.put("high_price", candle.high());
        node.put("low_price", candle.low());
        node.put("trade_price", candle.close());
        node.put("timestamp", lastTick.toEpochMilli());
        node.put("candle_acc_trade_price", candle.volume().multiply(candle.close()));
        node.put("candle_acc_trade_volume", candle.volume());
        node.put("unit", ReplayExchange.INTERVAL_MINUTES);
        return node;
    }

    private List<Symbol> symbols(Params params) {
        String codes = params.first("markets").orElseThrow(() -> ApiError.validation("markets is missing"));
        List<Symbol> out = new ArrayList<>();
        for (String code : codes.split(",")) {
            out.add(CandleWindow.known(code.strip(), path.history()));
        }
        return out;
    }

    /** The price now, or the nearest price when now is outside the history. */
    private BigDecimal referencePrice(Symbol symbol, Instant now) {
        CandleSeries series = path.history().series(symbol).orElseThrow();
        return path.priceAt(symbol, now)
                .orElseGet(() -> now.isAfter(series.first().openTime())
                        ? series.last().close()
                        : series.first().open());
    }

    private static <T> T priced(Supplier<T> read) {
        try {
            return read.get();
        } catch (ExchangeUnavailableException e) {
            throw ApiError.of(503, "market_data_unavailable", e.getMessage());
        }
    }
}
