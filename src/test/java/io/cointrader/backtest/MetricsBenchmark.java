package io.cointrader.backtest;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metrics and the HTML report of a run of five million one-minute steps (about 9.5 years) over two
 * symbols with 40,000 fills. Run with {@code ./mvnw -B -Pbench -DskipTests test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx3g")
public class MetricsBenchmark {

    private static final int STEPS = 5_000_000;

    private BacktestResult result;
    private Metrics metrics;
    private Path report;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        Random random = new Random(1);
        long[] times = new long[STEPS];
        double[] equity = new double[STEPS];
        List<SymbolSeries> series = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            times[i] = 1_500_000_000L + 60L * i;
        }
        for (String name : List.of("BTC/KRW", "ETH/KRW")) {
            double[] close = new double[STEPS];
            double price = 10_000_000;
            for (int i = 0; i < STEPS; i++) {
                price *= Math.exp(random.nextGaussian() * 0.001);
                close[i] = price;
                equity[i] += price;
            }
            series.add(new SymbolSeries(Symbol.parse(name), times, close, close, close));
        }
        List<Fill> fills = new ArrayList<>();
        Symbol btc = Symbol.parse("BTC/KRW");
        for (int i = 0; i < 20_000; i++) {
            fills.add(fill(btc, Side.BUY, "50000000", times[i * 200]));
            fills.add(fill(btc, Side.SELL, "50100000", times[i * 200 + 100]));
        }
        BacktestSpec spec = new BacktestSpec(
                series.stream().map(SymbolSeries::symbol).toList(),
                Duration.ofMinutes(1),
                Instant.ofEpochSecond(times[0]),
                Instant.ofEpochSecond(times[STEPS - 1]),
                new BigDecimal("20000000"),
                new BigDecimal("0.0005"),
                "generated",
                Map.of());
        result = new BacktestResult(
                spec,
                new EquityCurve(times, equity),
                series,
                List.of(),
                fills,
                Map.of(),
                Map.of(),
                BigDecimal.valueOf(equity[STEPS - 1]),
                BigDecimal.ONE,
                STEPS / 2,
                2L * STEPS,
                Duration.ofSeconds(1));
        metrics = Metrics.of(result);
        report = Files.createTempFile("backtest-report", ".html");
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(report);
    }

    @Benchmark
    public Metrics metrics() {
        return Metrics.of(result);
    }

    @Benchmark
    public Path htmlReport() {
        HtmlReport.write(result, metrics, report);
        return report;
    }

    private static Fill fill(Symbol symbol, Side side, String price, long at) {
        return new Fill(
                side + "-" + at,
                "o-" + at,
                symbol,
                side,
                new BigDecimal(price),
                new BigDecimal("0.001"),
                new BigDecimal("25"),
                "KRW",
                Instant.ofEpochSecond(at));
    }
}
