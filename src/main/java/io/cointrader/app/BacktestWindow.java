package io.cointrader.app;

import io.cointrader.app.Application.UserError;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.backtest.Intervals;
import io.cointrader.core.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of a backtest: candle close times on the interval's grid from {@code from} to {@code to},
 * both included. Every step must see a candle of every symbol, so the window lies between the close of
 * the first candle and the close of the last candle of each symbol. Without {@code --from} a run
 * starts at the close of the 200th candle (the most the loop asks the exchange for), so the strategy
 * starts warmed up as in live trading; without {@code --to} it ends with the data.
 */
record BacktestWindow(Instant from, Instant to) {

    static final int DEFAULT_WARM_UP_CANDLES = TickProcessor.CANDLE_COUNT;

    static BacktestWindow of(
            Optional<String> fromText, Optional<String> toText, Duration interval, Map<Symbol, CandleColumns> data) {
        long step = interval.toSeconds();
        long earliest = Long.MIN_VALUE;
        long latest = Long.MAX_VALUE;
        long warmedUp = Long.MIN_VALUE;
        for (CandleColumns c : data.values()) {
            earliest = Math.max(earliest, c.openSecond(0) + step);
            latest = Math.min(latest, c.openSecond(c.size() - 1) + step);
            int warmUp = Math.min(DEFAULT_WARM_UP_CANDLES - 1, c.size() / 2);
            warmedUp = Math.max(warmedUp, c.openSecond(warmUp) + step);
        }
        long from = fromText.map(t -> ceil(parse(t, "--from"), step)).orElse(warmedUp);
        long to = toText.map(t -> floor(parse(t, "--to"), step)).orElse(latest);
        if (fromText.isPresent()
                && toText.isPresent()
                && parse(fromText.get(), "--from") >= parse(toText.get(), "--to")) {
            throw usage("--from " + fromText.get() + " is not before --to " + toText.get());
        }
        for (Map.Entry<Symbol, CandleColumns> e : data.entrySet()) {
            CandleColumns c = e.getValue();
            long first = c.openSecond(0) + step;
            long last = c.openSecond(c.size() - 1) + step;
            if (from < first) {
                throw usage("the candles of " + e.getKey() + " start at " + Instant.ofEpochSecond(c.openSecond(0))
                        + "; --from must be at or after " + Instant.ofEpochSecond(first)
                        + ", the close of the first one");
            }
            if (to > last) {
                throw usage("the candles of " + e.getKey() + " end with the one closing at "
                        + Instant.ofEpochSecond(last) + "; --to must not be later");
            }
        }
        if (from > to) {
            throw usage("the window from " + Instant.ofEpochSecond(from) + " to " + Instant.ofEpochSecond(to)
                    + " holds no " + Intervals.format(interval) + " candle close (data: "
                    + Instant.ofEpochSecond(earliest) + " to " + Instant.ofEpochSecond(latest) + ")");
        }
        return new BacktestWindow(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
    }

    /** A date ({@code 2025-10-20}, midnight UTC) or an ISO-8601 instant ending in Z, in epoch seconds. */
    static long parse(String text, String option) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            return Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw usage(option + " '" + text + "' is neither a date like 2025-10-20 nor an instant like "
                    + "2025-10-20T09:00:00Z");
        }
    }

    private static long ceil(long seconds, long step) {
        return Math.floorDiv(seconds + step - 1, step) * step;
    }

    private static long floor(long seconds, long step) {
        return Math.floorDiv(seconds, step) * step;
    }

    private static UserError usage(String message) {
        return new UserError(Application.USAGE, message);
    }
}
