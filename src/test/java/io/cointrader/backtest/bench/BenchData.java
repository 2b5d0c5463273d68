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
 * candles). Each repeated copy is shifted in time by the span of the file (last open time plus one
 * candle minus first open time), so open times stay strictly ascending while the prices repeat as
 * they are.
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

    /** The bundled file repeated {@code copies} times, each copy shifted by the span of the file. */
    static BenchData repeat(BenchData base, int copies, String name) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, got " + copies);
        }
        int n = base.size();
        int total = Math.multiplyExact(n, copies);
        long span = base.openTime[n - 1] + base.intervalSeconds - base.openTime[0];
        long[] times = new long[total];
        for (int copy = 0; copy < copies; copy++) {
            long shift = span * copy;
            int offset = copy * n;
            for (int i = 0; i < n; i++) {
                times[offset + i] = base.openTime[i] + shift;
            }
        }
        return new BenchData(
                name,
                times,
                tile(base.open, copies),
                tile(base.high, copies),
                tile(base.low, copies),
                tile(base.close, copies),
                tile(base.volume, copies),
                base.intervalSeconds);
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
     * the parsed doubles, which are the decimals of the file.
     */
    public Candle candle(int index) {
        return new Candle(
                Instant.ofEpochSecond(openTime[index]),
                BigDecimal.valueOf(open[index]),
                BigDecimal.valueOf(high[index]),
                BigDecimal.valueOf(low[index]),
                BigDecimal.valueOf(close[index]),
                BigDecimal.valueOf(volume[index]));
    }

    private static double[] tile(double[] values, int copies) {
        double[] out = new double[values.length * copies];
        for (int copy = 0; copy < copies; copy++) {
            System.arraycopy(values, 0, out, copy * values.length, values.length);
        }
        return out;
    }

    /** Parses the bundled file once, on first use (the JVM guarantees a single initialisation). */
    private static final class Parsed {

        static final BenchData FILE_DATA = parse();

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
