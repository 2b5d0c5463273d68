package io.cointrader.backtest;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleCsv;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the candles of a backtest: the history bundled with the program (hourly), one CSV file, or a
 * folder of CSV files, all in the format of {@link CandleCsv}. Every fault is a {@link
 * BacktestDataException} that names the file, the line or the symbol: a missing file, a wrong header,
 * unsorted or duplicate times, a symbol without data, candles of another interval.
 */
public final class CandleSources {

    /**
     * In a folder, a file serves a market when its name holds the Upbit market code and the interval,
     * e.g. {@code upbit_KRW-BTC_60m.csv} or {@code KRW-ETH_1m_2024.csv}.
     */
    private static final Pattern FILE_NAME =
            Pattern.compile("(?<![A-Za-z0-9])([A-Z0-9]{1,15}-[A-Z0-9]{1,15})_([0-9]{1,4}[mhd])(?![A-Za-z0-9])");

    private CandleSources() {}

    /** The hourly history bundled with the program. */
    public static Map<Symbol, CandleColumns> bundled(List<Symbol> symbols, Duration interval) {
        if (!interval.equals(CandleSeries.INTERVAL)) {
            throw new BacktestDataException("the bundled history holds 60m candles only; for "
                    + Intervals.format(interval) + " give --data FILE|DIR (or download them into the candle cache)");
        }
        History history;
        try {
            history = History.bundled();
        } catch (ReplayDataException e) {
            throw new BacktestDataException(e.getMessage(), e);
        }
        Map<Symbol, CandleColumns> out = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            CandleSeries series = history.series(symbol)
                    .orElseThrow(() -> new BacktestDataException(
                            "no bundled history for " + symbol + "; bundled: " + history.symbols()));
            out.put(symbol, CandleColumns.of(symbol, series.candles()));
        }
        return out;
    }

    /**
     * Candles from a CSV file or a folder of them. A single file may serve a single symbol whatever its
     * name; otherwise each symbol needs a file named after its market and the interval.
     */
    public static Map<Symbol, CandleColumns> fromPath(Path path, List<Symbol> symbols, Duration interval) {
        if (Files.isRegularFile(path)) {
            if (symbols.size() == 1) {
                return Map.of(symbols.get(0), columns(symbols.get(0), read(path), path.toString(), interval));
            }
            return fromFiles(List.of(path), symbols, interval, path.toString());
        }
        if (!Files.isDirectory(path)) {
            throw new BacktestDataException("candle data " + path + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(path)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BacktestDataException("cannot list " + path + ": " + e.getMessage(), e);
        }
        return fromFiles(files, symbols, interval, path.toString());
    }

    /** Candles already in memory (e.g. from the candle cache), checked like those of a file. */
    public static CandleColumns columns(Symbol symbol, List<Candle> candles, String source, Duration interval) {
        if (candles.isEmpty()) {
            throw new BacktestDataException(source + " holds no candles for " + symbol);
        }
        long step = interval.toSeconds();
        for (Candle candle : candles) {
            Instant open = candle.openTime();
            if (open.getNano() != 0 || open.getEpochSecond() % step != 0) {
                throw new BacktestDataException(source + ": the candle of " + symbol + " at " + open
                        + " does not open on the " + Intervals.format(interval) + " grid; is --interval right?");
            }
        }
        CandleColumns columns = CandleColumns.of(symbol, candles);
        long smallest = columns.smallestStep();
        if (smallest != 0 && smallest != step) {
            throw new BacktestDataException(source + ": candles of " + symbol + " are at least "
                    + Intervals.format(Duration.ofSeconds(smallest)) + " apart, not "
                    + Intervals.format(interval) + "; is --interval right?");
        }
        return columns;
    }

    private static Map<Symbol, CandleColumns> fromFiles(
            List<Path> files, List<Symbol> symbols, Duration interval, String where) {
        Map<Symbol, CandleColumns> out = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            List<Path> matching = new ArrayList<>();
            for (Path file : files) {
                if (serves(file.getFileName().toString(), symbol, interval)) {
                    matching.add(file);
                }
            }
            if (matching.isEmpty()) {
                throw new BacktestDataException("no file in " + where + " holds " + Intervals.format(interval)
                        + " candles of " + symbol + " (expected a name like " + symbol.marketCode() + "_"
                        + Intervals.format(interval) + ".csv)");
            }
            if (matching.size() > 1) {
                throw new BacktestDataException("more than one file in " + where + " holds " + symbol + ": "
                        + matching.get(0).getFileName() + ", " + matching.get(1).getFileName());
            }
            Path file = matching.get(0);
            out.put(symbol, columns(symbol, read(file), file.toString(), interval));
        }
        return out;
    }

    private static boolean serves(String fileName, Symbol symbol, Duration interval) {
        Matcher m = FILE_NAME.matcher(fileName);
        while (m.find()) {
            Optional<Duration> fileInterval = Intervals.tryParse(m.group(2));
            if (m.group(1).equals(symbol.marketCode()) && fileInterval.equals(Optional.of(interval))) {
                return true;
            }
        }
        return false;
    }

    private static List<Candle> read(Path file) {
        try {
            return CandleCsv.read(file);
        } catch (ReplayDataException e) {
            throw new BacktestDataException(e.getMessage(), e);
        }
    }
}
