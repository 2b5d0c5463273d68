package io.cointrader.backtest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The round trips of a run as CSV: one header line, then one line per trade in the order opened.
 * Times are ISO-8601 in UTC, numbers plain decimals (never an exponent); {@code status} is {@code
 * CLOSED} or {@code OPEN} (still held at the end, valued at the last price).
 */
public final class TradeList {

    public static final String HEADER =
            "symbol,entry_time,entry_price,exit_time,exit_price,quantity,pnl,pnl_pct,fees,status";

    private TradeList() {}

    /** Writes the trades of {@code result} to {@code file}, replacing it. */
    public static void write(BacktestResult result, Path file) {
        write(RoundTrips.of(result), file);
    }

    /** Writes already computed round trips (e.g. {@link Metrics#roundTrips()}) to {@code file}. */
    public static void write(List<RoundTrip> trips, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(trips, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trade list " + file, e);
        }
    }

    static void write(List<RoundTrip> trips, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (RoundTrip t : trips) {
            out.write(line(t));
            out.write('\n');
        }
    }

    static String line(RoundTrip t) {
        return String.join(
                ",",
                t.symbol().toString(),
                t.entryTime().toString(),
                plain(t.entryPrice()),
                t.exitTime().toString(),
                plain(t.exitPrice()),
                plain(t.quantity()),
                plain(t.pnl()),
                plain(t.pnlPct()),
                plain(t.fees()),
                t.status().name());
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
