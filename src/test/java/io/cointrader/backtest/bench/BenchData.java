package io.cointrader.backtest.bench;

import io.cointrader.core.Candle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark candles as parallel primitive arrays, one entry per candle, oldest first: Binance
 * BTCUSDT 1-minute candles of 2024-Q4 (see {@code src/test/resources/bench/README.md}), either as
 * bundled ({@value #FILE}, 132,480 candles) or repeated ({@value #REPEATED}, 38 copies, 5,034,240
 * candles).
 *
 * <p>Prices are the file's USDT prices times {@value #KRW_PER_USDT}, read as KRW: the file has at most
 * two decimals, so every price becomes a whole multiple of 1,000 KRW, which is Upbit's price grid for
 * prices of a million KRW and more. The pipeline's limit orders, priced at the close rounded to that
 * grid, are then priced at the close itself and fill at once, as the bare loop and ta4j fill theirs;
 * the factor changes no decision of the strategy, whose rules compare prices with each other only.
 *
 * <p>The repeated set has no seams: each copy is shifted in time by the span of the file (last open
 * time plus one candle minus first open time), and every second copy is the file played backwards, so
 * that each copy opens at the price the one before it closed at. Copies of the file as it is, end to
 * end, would jump by a third at every seam (from the close of 2024-12-31 back to the open of
 * 2024-10-01): a price the pipeline's circuit breaker rightly refuses to trade on for the rest of that
 * day, while the baselines trade on.
 *
 * <p>The arrays are handed out without copying, because the benchmarks read them in their hot loops;
 * they must never be written. The parsed file is kept for the life of the JVM (it is immutable once
 * loaded); repeated data is built afresh by every {@link #load} call.
 */
public final class BenchData {

    /** Dataset name of the bundled file as is. */
    public static final String FILE = "132k";

    /** Dataset name of the file repeated {@value #REPEAT_COPIES} times. */
    public static final String REPEATED = "5M";

    static final int REPEAT_COPIES = 38;

    /** KRW per USDT of the benchmark prices: puts every price of the file on the 1,000 KRW grid. */
    static final long KRW_PER_USDT = 100_000;

    private static final String RESOURCE = "/bench/binance_BTCUSDT_1m.csv.gz";
    private static final String HEADER = "timestamp_utc,open,high,low,close,volume";

    private final String name;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final long intervalSeconds;

    private BenchData(
            String name,
            long[] openTime,
            double[] open,
            double[] high,
            double[] low,
            double[] close,
            double[] volume,
            long intervalSeconds) {
        this.name = name;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * The dataset of that name.
     *
     * @param dataset {@value #FILE} or {@value #REPEATED}
     * @throws IllegalArgumentException for any other name
     */
    public static BenchData load(String dataset) {
        switch (dataset) {
            case FILE:
                return Parsed.FILE_DATA;
            case REPEATED:
                return repeat(Parsed.FILE_DATA, REPEAT_COPIES, REPEATED);
            default:
                throw new IllegalArgumentException(
                        "unknown dataset '" + dataset + "', expected " + FILE + " or " + REPEATED);
        }
    }

    /**
     * The bundled file repeated {@code copies} times, each copy shifted by the span of the file, every
     * second copy played backwards in time so that the series has no seams: the first copy ends where the
     * second begins (its reversal opens at the last close of the file and runs back to the first open),
     * and that one ends where the third, a forward copy again, opens.
     */
    static BenchData repeat(BenchData base, int copies, String name) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, got " + copies);
        }
        int n = base.size();
        int total = Math.multiplyExact(n, copies);
        long span = base.openTime[n - 1] + base.intervalSeconds - base.openTime[0];
        long[] times = new long[total];
        double[][] columns = new double[5][total];
        double[][] forward = {base.open, base.high, base.low, base.close, base.volume};
        // played backwards, a candle opens at its close and closes at its open
        double[][] backward = {base.close, base.high, base.low, base.open, base.volume};
        for (int copy = 0; copy < copies; copy++) {
            long shift = span * copy;
            int offset = copy * n;
            boolean reversed = copy % 2 == 1;
            for (int i = 0; i < n; i++) {
                times[offset + i] = base.openTime[i] + shift;
            }
            for (int c = 0; c < columns.length; c++) {
                double[] from = reversed ? backward[c] : forward[c];
                double[] to = columns[c];
                for (int i = 0; i < n; i++) {
                    to[offset + i] = from[reversed ? n - 1 - i : i];
                }
            }
        }
        return new BenchData(
                name, times, columns[0], columns[1], columns[2], columns[3], columns[4], base.intervalSeconds);
    }

    /** The same candles with every price multiplied by {@value #KRW_PER_USDT}. */
    private BenchData inKrw() {
        return new BenchData(
                name, openTime, toKrw(open), toKrw(high), toKrw(low), toKrw(close), volume, intervalSeconds);
    }

    private static double[] toKrw(double[] usdt) {
        double[] krw = new double[usdt.length];
        for (int i = 0; i < usdt.length; i++) {
            double cents = Math.rint(usdt[i] * 100);
            if (Math.abs(usdt[i] * 100 - cents) > 1e-6) {
                throw new IllegalStateException("price " + usdt[i] + " in " + RESOURCE + " has more than two decimals");
            }
            // whole numbers far below 2^53: the product is exact
            krw[i] = cents * (KRW_PER_USDT / 100);
        }
        return krw;
    }

    /** {@value #FILE} or {@value #REPEATED}. */
    public String name() {
        return name;
    }

    /** Number of candles. */
    public int size() {
        return close.length;
    }

    /** Candle open times in epoch seconds, strictly ascending. Read only. */
    public long[] openTime() {
        return openTime;
    }

    /** Read only. */
    public double[] open() {
        return open;
    }

    /** Read only. */
    public double[] high() {
        return high;
    }

    /** Read only. */
    public double[] low() {
        return low;
    }

    /** Read only. */
    public double[] close() {
        return close;
    }

    /** Traded base quantity per candle. Read only. */
    public double[] volume() {
        return volume;
    }

    /** Length of one candle (one minute). */
    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    /**
     * Candle {@code index} as the domain record. The prices are the shortest decimals that round to
     * the doubles, which are the whole KRW prices; the volume is the decimal of the file.
     */
    public Candle candle(int index) {
        return new Candle(
                Instant.ofEpochSecond(openTime[index]),
                decimal(open[index]),
                decimal(high[index]),
                decimal(low[index]),
                decimal(close[index]),
                decimal(volume[index]));
    }

    /** The shortest decimal of {@code value}; a whole number without an exponent (6343999000, not 6.343999E+9). */
    static BigDecimal decimal(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value);
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    /** Parses the bundled file once, on first use (the JVM guarantees a single initialisation). */
    private static final class Parsed {

        static final BenchData FILE_DATA = parse().inKrw();

        private static BenchData parse() {
            try (InputStream raw = BenchData.class.getResourceAsStream(RESOURCE)) {
                if (raw == null) {
                    throw new IllegalStateException("missing test resource " + RESOURCE);
                }
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.US_ASCII))) {
                    return parse(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static BenchData parse(BufferedReader reader) throws IOException {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            Columns columns = new Columns();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    columns.add(line);
                }
            }
            return columns.toData();
        }
    }

    /** Growable columns while parsing. */
    private static final class Columns {

        private long[] time = new long[1 << 17];
        private double[][] values = new double[5][1 << 17];
        private int size;

        void add(String line) {
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                for (int c = 0; c < values.length; c++) {
                    values[c] = Arrays.copyOf(values[c], size * 2);
                }
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 1 + values.length) {
                throw new IllegalStateException(
                        "row " + (size + 1) + " of " + RESOURCE + " has " + fields.length + " fields: " + line);
            }
            time[size] = Instant.parse(fields[0]).getEpochSecond();
            for (int c = 0; c < values.length; c++) {
                values[c][size] = Double.parseDouble(fields[c + 1]);
            }
            if (size > 0 && time[size] <= time[size - 1]) {
                throw new IllegalStateException("open times not strictly ascending at row " + (size + 1));
            }
            size++;
        }

        BenchData toData() {
            if (size < 2) {
                throw new IllegalStateException(RESOURCE + " holds fewer than two candles");
            }
            return new BenchData(
                    FILE,
                    Arrays.copyOf(time, size),
                    Arrays.copyOf(values[0], size),
                    Arrays.copyOf(values[1], size),
                    Arrays.copyOf(values[2], size),
                    Arrays.copyOf(values[3], size),
                    Arrays.copyOf(values[4], size),
                    time[1] - time[0]);
        }
    }
}
