package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.UpbitJson.array;
import static io.cointrader.exchange.upbit.UpbitJson.decimal;
import static io.cointrader.exchange.upbit.UpbitJson.epochMillis;
import static io.cointrader.exchange.upbit.UpbitJson.malformed;
import static io.cointrader.exchange.upbit.UpbitJson.object;
import static io.cointrader.exchange.upbit.UpbitJson.optionalDecimal;
import static io.cointrader.exchange.upbit.UpbitJson.text;
import static io.cointrader.exchange.upbit.UpbitJson.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parsers of the quotation (public) responses, upbit-api.md section 1. Each accepts the raw body and
 * throws only {@link ExchangeUnavailableException} for anything it cannot read.
 */
public final class QuotationParser {

    private QuotationParser() {}

    /** A candle with the time of its last tick, to pick the fresher of two with the same open time. */
    private record Dated(Candle candle, BigDecimal lastTick) {
        Dated later(Dated other) {
            return other.lastTick.compareTo(lastTick) > 0 ? other : this;
        }
    }

    /** {@code /v1/ticker}: every entry, keyed by symbol; bid/ask are left null. */
    static Map<Symbol, MarketData> tickers(byte[] body) {
        Map<Symbol, MarketData> out = new LinkedHashMap<>();
        for (JsonNode entry : array(UpbitJson.read(body, "ticker"), "ticker")) {
            object(entry, "ticker");
            Symbol symbol = symbol(text(entry, "market", "ticker"), "ticker");
            out.put(symbol, ticker(entry, symbol));
        }
        return out;
    }

    /** The ticker of {@code symbol} from a {@code /v1/ticker} body; bid/ask are left null. */
    static MarketData ticker(byte[] body, Symbol symbol) {
        MarketData data = tickers(body).get(symbol);
        if (data == null) {
            throw malformed("ticker", "no entry for " + symbol.marketCode());
        }
        return data;
    }

    /** {@code /v1/orderbook}: the book of {@code symbol}, best level first. */
    static OrderBook orderBook(byte[] body, Symbol symbol) {
        for (JsonNode entry : array(UpbitJson.read(body, "orderbook"), "orderbook")) {
            object(entry, "orderbook");
            if (symbol.marketCode().equals(text(entry, "market", "orderbook"))) {
                return orderBook(entry, symbol);
            }
        }
        throw malformed("orderbook", "no entry for " + symbol.marketCode());
    }

    /**
     * {@code /v1/candles/minutes/{unit}} and {@code /v1/candles/days}: sorted ascending by open time ({@code candle_date_time_utc},
     * read as UTC). Of two candles with the same open time the one with the later last tick wins.
     */
    public static List<Candle> candles(byte[] body, Symbol symbol) {
        Map<Instant, Dated> byOpenTime = new TreeMap<>();
        for (JsonNode entry : array(UpbitJson.read(body, "candle"), "candle")) {
            object(entry, "candle");
            String market = textOr(entry, "market", symbol.marketCode());
            if (!market.equals(symbol.marketCode())) {
                throw malformed("candle", "entry for another market");
            }
            Dated dated = new Dated(candle(entry), lastTick(entry));
            byOpenTime.merge(dated.candle().openTime(), dated, Dated::later);
        }
        return byOpenTime.values().stream().map(Dated::candle).toList();
    }

    /** {@code /v1/market/all}: entries whose market code is not a valid symbol are skipped. */
    static List<MarketInfo> markets(byte[] body) {
        List<MarketInfo> out = new ArrayList<>();
        for (JsonNode entry : array(UpbitJson.read(body, "market"), "market")) {
            if (!entry.isObject()) {
                continue;
            }
            validSymbol(textOr(entry, "market", ""))
                    .ifPresent(s -> out.add(
                            new MarketInfo(s, textOr(entry, "korean_name", ""), textOr(entry, "english_name", ""))));
        }
        return out;
    }

    /**
     * {@code /v1/orderbook/instruments}: {@code tick_size} per market. Entries without a valid market
     * or a positive tick are left out, so the caller falls back for them.
     */
    static Map<Symbol, BigDecimal> tickSizes(byte[] body) {
        Map<Symbol, BigDecimal> out = new LinkedHashMap<>();
        for (JsonNode entry : array(UpbitJson.read(body, "instruments"), "instruments")) {
            if (!entry.isObject()) {
                continue;
            }
            Optional<Symbol> symbol = validSymbol(textOr(entry, "market", ""));
            BigDecimal tick = tickOrNull(entry);
            if (symbol.isPresent() && tick != null && tick.signum() > 0) {
                out.put(symbol.get(), tick);
            }
        }
        return out;
    }

    private static MarketData ticker(JsonNode entry, Symbol symbol) {
        BigDecimal price = decimal(entry, "trade_price", "ticker");
        if (price.signum() <= 0) {
            throw malformed("ticker", "trade_price is not positive");
        }
        return new MarketData(
                symbol,
                price,
                optionalDecimal(entry, "opening_price", "ticker"),
                optionalDecimal(entry, "high_price", "ticker"),
                optionalDecimal(entry, "low_price", "ticker"),
                optionalDecimal(entry, "acc_trade_volume", "ticker"),
                optionalDecimal(entry, "prev_closing_price", "ticker"),
                null,
                null,
                epochMillis(entry, "timestamp", "ticker"));
    }

    private static OrderBook orderBook(JsonNode entry, Symbol symbol) {
        JsonNode units = entry.get("orderbook_units");
        if (units == null) {
            throw malformed("orderbook", "orderbook_units missing");
        }
        List<OrderBook.Level> levels = new ArrayList<>();
        for (JsonNode unit : array(units, "orderbook")) {
            object(unit, "orderbook");
            levels.add(new OrderBook.Level(
                    nonNegative(unit, "ask_price"),
                    nonNegative(unit, "ask_size"),
                    nonNegative(unit, "bid_price"),
                    nonNegative(unit, "bid_size")));
        }
        return new OrderBook(symbol, levels, epochMillis(entry, "timestamp", "orderbook"));
    }

    private static Candle candle(JsonNode entry) {
        try {
            LocalDateTime open = LocalDateTime.parse(text(entry, "candle_date_time_utc", "candle"));
            return new Candle(
                    open.toInstant(ZoneOffset.UTC),
                    decimal(entry, "opening_price", "candle"),
                    decimal(entry, "high_price", "candle"),
                    decimal(entry, "low_price", "candle"),
                    decimal(entry, "trade_price", "candle"),
                    decimal(entry, "candle_acc_trade_volume", "candle"));
        } catch (DateTimeException e) {
            throw malformed("candle", "candle_date_time_utc is not yyyy-MM-ddTHH:mm:ss");
        } catch (IllegalArgumentException e) {
            throw malformed("candle", "inconsistent values (" + e.getMessage() + ")");
        }
    }

    private static BigDecimal lastTick(JsonNode entry) {
        BigDecimal tick = optionalDecimal(entry, "timestamp", "candle");
        return tick == null ? BigDecimal.ZERO : tick;
    }

    private static BigDecimal tickOrNull(JsonNode entry) {
        try {
            return optionalDecimal(entry, "tick_size", "instruments");
        } catch (ExchangeUnavailableException e) {
            return null;
        }
    }

    private static BigDecimal nonNegative(JsonNode unit, String field) {
        BigDecimal value = decimal(unit, field, "orderbook");
        if (value.signum() < 0) {
            throw malformed("orderbook", field + " is negative");
        }
        return value;
    }

    private static Symbol symbol(String code, String what) {
        return validSymbol(code).orElseThrow(() -> malformed(what, "market is not a pair code"));
    }

    private static Optional<Symbol> validSymbol(String code) {
        try {
            return Optional.of(Symbol.fromMarketCode(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
