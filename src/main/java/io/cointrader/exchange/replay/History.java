package io.cointrader.exchange.replay;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly candle history of several KRW markets, one {@link CandleSeries} per symbol. Immutable and
 * safe to share between threads.
 *
 * <p><b>File naming rule</b> (bundled resources and {@code REPLAY_DATA_DIR} alike): a file is used
 * when its name ends in {@code .csv} and contains an Upbit market code {@code QUOTE-BASE} in upper
 * case directly followed by {@code _60m} and then a non-alphanumeric character, e.g. {@code
 * upbit_KRW-BTC_60m.csv}, {@code KRW-ETH_60m.csv} or {@code upbit_KRW-SOL_60m_2025-10_2025-11.csv}.
 * Other files ({@code upbit_KRW-ETH_15m.csv}, {@code binance_BTCUSDT_1h.csv}, notes) are ignored.
 * Several files of one market are merged; where they share an hour they must agree exactly. Only
 * KRW markets are accepted, because prices are rounded to the KRW tick grid.
 */
public final class History {

    /** Folder of the bundled history on the class path; {@code index} lists its files. */
    public static final String BUNDLED_FOLDER = "replay/";

    private static final Logger LOG = LoggerFactory.getLogger(History.class);
    private static final Pattern FILE_NAME =
            Pattern.compile("(?<![A-Za-z0-9])([A-Z0-9]{1,15}-[A-Z0-9]{1,15})_60m(?![A-Za-z0-9]).*\\.csv");

    private final Map<Symbol, CandleSeries> series;
    private final Set<Symbol> symbols;

    private History(Map<Symbol, CandleSeries> series) {
        this.series = Collections.unmodifiableMap(series);
        this.symbols = Collections.unmodifiableSet(new LinkedHashSet<>(series.keySet()));
    }

    /** The history bundled in the jar under {@code replay/}. */
    public static History bundled() {
        ClassLoader loader = History.class.getClassLoader();
        List<String> names = bundledNames(loader);
        Map<Symbol, List<Sourced>> bySymbol = new TreeMap<>(Comparator.comparing(Symbol::marketCode));
        for (String name : names) {
            Symbol symbol = requireSymbol(name);
            try (InputStream in = loader.getResourceAsStream(BUNDLED_FOLDER + name)) {
                if (in == null) {
                    throw new ReplayDataException("bundled replay file " + BUNDLED_FOLDER + name + " is missing");
                }
                List<Candle> candles = CandleCsv.read(name, new InputStreamReader(in, StandardCharsets.UTF_8));
                bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Sourced(name, candles));
            } catch (IOException e) {
                throw new ReplayDataException("cannot read bundled replay file " + name, e);
            }
        }
        return build(bySymbol, "bundled history");
    }

    /**
     * Every file of {@code directory} (not its sub-folders) that follows the naming rule.
     *
     * @throws ReplayDataException when no file follows the rule or a file is malformed
     */
    public static History fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ReplayDataException("replay data directory " + directory + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> symbolOfFileName(f.getFileName().toString()).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ReplayDataException("cannot list replay data directory " + directory, e);
        }
        if (files.isEmpty()) {
            throw new ReplayDataException("no file in " + directory
                    + " is named like <anything>KRW-BTC_60m<anything>.csv (an Upbit market code followed by _60m)");
        }
        Map<Symbol, List<Sourced>> bySymbol = new TreeMap<>(Comparator.comparing(Symbol::marketCode));
        for (Path file : files) {
            Symbol symbol = requireSymbol(file.getFileName().toString());
            bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>())
                    .add(new Sourced(file.toString(), CandleCsv.read(file)));
        }
        return build(bySymbol, directory.toString());
    }

    /** A history from candles already in memory (each list ascending, no duplicates). */
    public static History of(Map<Symbol, List<Candle>> candles) {
        Map<Symbol, CandleSeries> series = new LinkedHashMap<>();
        candles.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Symbol::marketCode)))
                .forEach(e -> series.put(
                        e.getKey(), new CandleSeries(requireKrw(e.getKey(), "history"), e.getValue(), "history")));
        if (series.isEmpty()) {
            throw new ReplayDataException("replay history holds no symbol");
        }
        return new History(series);
    }

    /** The market a file holds according to the naming rule, or empty when the rule does not match. */
    public static Optional<Symbol> symbolOfFileName(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.find() || !fileName.endsWith(".csv")) {
            return Optional.empty();
        }
        return Optional.of(Symbol.fromMarketCode(m.group(1)));
    }

    /** The symbols with history, ordered by market code. */
    public Set<Symbol> symbols() {
        return symbols;
    }

    /** The series of {@code symbol}, empty when the history has none. */
    public Optional<CandleSeries> series(Symbol symbol) {
        return Optional.ofNullable(series.get(symbol));
    }

    private static List<String> bundledNames(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(BUNDLED_FOLDER + "index")) {
            if (in == null) {
                throw new ReplayDataException("bundled replay index " + BUNDLED_FOLDER + "index is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new ReplayDataException("cannot read bundled replay index", e);
        }
    }

    private static Symbol requireSymbol(String fileName) {
        Symbol symbol = symbolOfFileName(fileName)
                .orElseThrow(() -> new ReplayDataException(
                        "replay file " + fileName + " is not named like <anything>KRW-BTC_60m<anything>.csv"));
        return requireKrw(symbol, fileName);
    }

    private static Symbol requireKrw(Symbol symbol, String source) {
        if (!"KRW".equals(symbol.quote()) || symbol.isDerivative()) {
            throw new ReplayDataException(source + ": replay serves KRW spot markets only, not " + symbol);
        }
        return symbol;
    }

    private static History build(Map<Symbol, List<Sourced>> bySymbol, String origin) {
        Map<Symbol, CandleSeries> series = new LinkedHashMap<>();
        bySymbol.forEach((symbol, parts) -> {
            String sources =
                    String.join(" + ", parts.stream().map(Sourced::source).toList());
            series.put(symbol, new CandleSeries(symbol, merge(parts), sources));
        });
        series.values()
                .forEach(s -> LOG.info(
                        "replay history {}: {} candles from {} to {} ({})",
                        s.symbol(),
                        s.size(),
                        s.first().openTime(),
                        s.last().openTime(),
                        origin));
        return new History(series);
    }

    /** Joins the files of one market; a shared hour must carry the same values in every file. */
    private static List<Candle> merge(List<Sourced> parts) {
        if (parts.size() == 1) {
            return parts.get(0).candles();
        }
        TreeMap<Instant, Sourced> owner = new TreeMap<>();
        TreeMap<Instant, Candle> merged = new TreeMap<>();
        for (Sourced part : parts) {
            for (Candle candle : part.candles()) {
                Candle earlier = merged.putIfAbsent(candle.openTime(), candle);
                if (earlier == null) {
                    owner.put(candle.openTime(), part);
                } else if (!sameValues(earlier, candle)) {
                    throw new ReplayDataException(part.source() + " and "
                            + owner.get(candle.openTime()).source() + " disagree on the candle at "
                            + candle.openTime());
                }
            }
        }
        return List.copyOf(merged.values());
    }

    private static boolean sameValues(Candle a, Candle b) {
        return a.open().compareTo(b.open()) == 0
                && a.high().compareTo(b.high()) == 0
                && a.low().compareTo(b.low()) == 0
                && a.close().compareTo(b.close()) == 0
                && a.volume().compareTo(b.volume()) == 0;
    }

    private record Sourced(String source, List<Candle> candles) {}
}
