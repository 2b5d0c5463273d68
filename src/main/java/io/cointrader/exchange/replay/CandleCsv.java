package io.cointrader.exchange.replay;

import io.cointrader.core.Candle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the candle CSV format of the bundled history: header {@code
 * timestamp_utc,open,high,low,close,volume}, one candle per line, {@code timestamp_utc} the open
 * time as an ISO-8601 UTC instant ending in {@code Z}, strictly ascending. The reader is strict
 * because a silently skipped or mis-parsed row would change every indicator after it: any fault
 * is a {@link ReplayDataException} naming the source and line. Gaps stay gaps.
 */
public final class CandleCsv {

    /** The only header accepted. */
    public static final String HEADER = "timestamp_utc,open,high,low,close,volume";

    private static final char BOM = '\uFEFF';

    /** Bounds on the numbers of a row: at most 40 digits, at most 30 places either side of the point. */
    private static final int MAX_DIGITS = 40;

    private static final int MAX_ABS_SCALE = 30;

    private CandleCsv() {}

    /** Reads a UTF-8 file; the file name is used in error messages. */
    public static List<Candle> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new ReplayDataException("cannot read candle file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads candles from {@code reader} (not closed here).
     *
     * @param source the name used in error messages, e.g. a file or resource name
     */
    public static List<Candle> read(String source, Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            String header = lines.readLine();
            if (header != null && !header.isEmpty() && header.charAt(0) == BOM) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new ReplayDataException(
                        source + " line 1: expected header '" + HEADER + "', found '" + header + "'");
            }
            List<Candle> candles = new ArrayList<>();
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                Candle candle = parseLine(source, lineNumber, line);
                requireAfterPrevious(source, lineNumber, candles, candle);
                candles.add(candle);
            }
            return List.copyOf(candles);
        } catch (IOException e) {
            throw new ReplayDataException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static Candle parseLine(String source, int lineNumber, String line) {
        if (line.isBlank()) {
            throw fault(source, lineNumber, "blank line");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw fault(source, lineNumber, "expected 6 comma-separated fields, found " + fields.length);
        }
        Instant openTime = parseTime(source, lineNumber, fields[0].strip());
        BigDecimal open = parseNumber(source, lineNumber, "open", fields[1]);
        BigDecimal high = parseNumber(source, lineNumber, "high", fields[2]);
        BigDecimal low = parseNumber(source, lineNumber, "low", fields[3]);
        BigDecimal close = parseNumber(source, lineNumber, "close", fields[4]);
        BigDecimal volume = parseNumber(source, lineNumber, "volume", fields[5]);
        requireConsistent(source, lineNumber, open, high, low, close, volume);
        return new Candle(openTime, open, high, low, close, volume);
    }

    private static Instant parseTime(String source, int lineNumber, String text) {
        // Only 'Z' is accepted: an offset here would mean the KST -> UTC shift was not done.
        if (!text.endsWith("Z")) {
            throw fault(source, lineNumber, "timestamp '" + text + "' is not a UTC instant ending in Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw fault(source, lineNumber, "timestamp '" + text + "' is not an ISO-8601 instant");
        }
    }

    private static BigDecimal parseNumber(String source, int lineNumber, String name, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw fault(source, lineNumber, name + " '" + text + "' is not a number");
        }
        // bounded so that every value is also a finite, and for a positive value non-zero, double
        if (value.precision() > MAX_DIGITS || Math.abs(value.scale()) > MAX_ABS_SCALE) {
            throw fault(source, lineNumber, name + " '" + text + "' is out of range");
        }
        return value;
    }

    private static void requireConsistent(
            String source,
            int lineNumber,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume) {
        if (low.signum() <= 0) {
            throw fault(source, lineNumber, "low " + low + " must be more than zero");
        }
        if (volume.signum() < 0) {
            throw fault(source, lineNumber, "volume " + volume + " must not be negative");
        }
        if (high.compareTo(low) < 0) {
            throw fault(source, lineNumber, "high " + high + " is below low " + low);
        }
        if (high.compareTo(open.max(close)) < 0) {
            throw fault(source, lineNumber, "high " + high + " is below open " + open + " or close " + close);
        }
        if (low.compareTo(open.min(close)) > 0) {
            throw fault(source, lineNumber, "low " + low + " is above open " + open + " or close " + close);
        }
    }

    private static void requireAfterPrevious(String source, int lineNumber, List<Candle> previous, Candle candle) {
        if (previous.isEmpty()) {
            return;
        }
        Instant last = previous.get(previous.size() - 1).openTime();
        int order = candle.openTime().compareTo(last);
        if (order == 0) {
            throw fault(source, lineNumber, "duplicate timestamp " + candle.openTime());
        }
        if (order < 0) {
            throw fault(source, lineNumber, "timestamp " + candle.openTime() + " is before the previous " + last);
        }
    }

    private static ReplayDataException fault(String source, int lineNumber, String problem) {
        return new ReplayDataException(source + " line " + lineNumber + ": " + problem);
    }
}
