package io.cointrader.sim;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayExchange;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The parameters of a candle request: {@code market} (required), {@code count} (1-200, default 1)
 * and {@code to}, the exclusive end: ISO-8601 with {@code Z} or an offset, or {@code yyyy-MM-dd
 * HH:mm:ss} / {@code yyyy-MM-ddTHH:mm:ss} read as UTC (upbit-api.md section 1.3).
 *
 * @param to null for "up to now"
 */
record CandleWindow(CandleSeries series, int count, Instant to) {

    static CandleWindow of(Params params, History history) {
        String code = params.first("market").orElseThrow(() -> ApiError.validation("market is missing"));
        CandleSeries series = history.series(known(code, history)).orElseThrow();
        int count = count(params.first("count"));
        Instant to = params.first("to").map(CandleWindow::parseTo).orElse(null);
        return new CandleWindow(series, count, to);
    }

    /**
     * @throws ApiError 404 "Code not found" (numeric name, as Upbit's quotation API) for an unlisted market
     */
    static Symbol known(String code, History history) {
        Symbol symbol;
        try {
            symbol = Symbol.fromMarketCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiError.codeNotFound();
        }
        if (history.series(symbol).isEmpty()) {
            throw ApiError.codeNotFound();
        }
        return symbol;
    }

    private static int count(Optional<String> text) {
        if (text.isEmpty()) {
            return 1;
        }
        try {
            int count = Integer.parseInt(text.get().strip());
            if (count < 1 || count > ReplayExchange.MAX_CANDLES) {
                throw ApiError.validation("count must be 1.." + ReplayExchange.MAX_CANDLES + ", got " + count);
            }
            return count;
        } catch (NumberFormatException e) {
            throw ApiError.validation("count is not a whole number: " + text.get());
        }
    }

    private static Instant parseTo(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiError.validation("to is not an ISO-8601 time: " + text);
            }
        }
    }
}
