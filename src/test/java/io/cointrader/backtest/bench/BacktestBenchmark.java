package io.cointrader.backtest.bench;

import io.cointrader.backtest.BacktestResult;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.ta4j.core.BarSeries;
import org.ta4j.core.TradingRecord;

/**
 * Backtest throughput of the conservative strategy over real 1-minute candles, in one JMH run: the
 * pipeline of {@code trader backtest} ({@link PipelineRun}), ta4j 0.17 ({@link Ta4jBaseline}) and a
 * bare primitive loop ({@link BareLoop}) on the same candles with the same rules. Every invocation is
 * one whole pass over the dataset: {@value BenchData#FILE} candles, or {@value BenchData#REPEATED}
 * (5,034,240 candles, the file 38 times without seams).
 *
 * <p>The same work. On these candles the three make the same trades: each buys with the whole signal
 * while flat and sells on an exit signal while holding, at the signal candle's close (the pipeline's
 * limit orders are priced at the close, which lies on the KRW price grid, and fill at once). {@code
 * PipelineVersusBareLoopTest} and {@code BareLoopVersusTa4jTest} hold them to it. At the end of each
 * trial the benchmark prints the orders placed per pass ({@link Orders}): the pipeline's orders, the
 * bare loop's fills, ta4j's trades, each entry and each exit one order.
 *
 * <p>Reading the results. The mode is throughput, so the primary score is <b>passes per second</b>
 * (ops/s); candles per second = passes/s × candles of the dataset. The same figure is reported
 * directly as the secondary result {@code <method>:candles} (ops/s here means candles/s): a
 * {@link Candles} counter, which JMH divides by the measured iteration time. A pass that runs past the
 * end of an iteration is counted whole with its whole time, so the figure is honest even when an
 * iteration holds only a few passes (the 5M passes of ta4j and the pipeline, which have longer
 * iterations for that reason).
 *
 * <p>Not measured: parsing the file, building the ta4j bar series and the pipeline's candle columns
 * (once per trial). Measured: for ta4j, building fresh indicators, rules and the strategy (a few dozen
 * small objects, microseconds against a pass of tens of milliseconds or more, so no per-invocation
 * setup level is needed, with its own timing caveats) and {@code BarSeriesManager.run}; for the
 * pipeline, assembling its parts, the run and building its result; for the bare loop, the whole pass
 * including the equity and drawdown bookkeeping.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests test-compile exec:exec -Dbench.args="BacktestBenchmark
 * -rf text -rff target/jmh-backtest.txt"}; add {@code -p dataset=132k} for the small set only. The fork
 * gets a fixed 8 GB heap: ta4j holds the 5M bar series (about 2 GB) and, during a pass, every value
 * of every indicator in its caches (about 4.5 GB allocated per 5M pass, most of it live until the pass
 * ends), so garbage collection is a large, real part of its 5M figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class BacktestBenchmark {

    @Param({BenchData.FILE, BenchData.REPEATED})
    public String dataset;

    private BenchData data;

    /** Candles processed, reported by JMH as a rate: candles per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Candles {

        public long candles;

        @Setup(Level.Iteration)
        public void reset() {
            candles = 0;
        }
    }

    /** The ta4j bar series; built only for the benchmarks that ask for it. */
    @State(Scope.Benchmark)
    public static class Ta4jSeries {

        BarSeries series;

        @Setup(Level.Trial)
        public void build(BacktestBenchmark benchmark) {
            series = Ta4jBaseline.series(benchmark.data);
        }
    }

    @Setup(Level.Trial)
    public void load() {
        data = BenchData.load(dataset);
    }

    /** The dataset of this trial, for benchmarks added next to the baselines. */
    BenchData data() {
        return data;
    }

    /**
     * Orders placed per pass, printed when the trial ends: the output shows that the contenders did the
     * same work, and that every pass did the same.
     */
    @State(Scope.Thread)
    public static class Orders {

        private long passes;
        private long fewest = Long.MAX_VALUE;
        private long most = Long.MIN_VALUE;

        void pass(long orders) {
            passes++;
            fewest = Math.min(fewest, orders);
            most = Math.max(most, orders);
        }

        @TearDown(Level.Trial)
        public void print(BenchmarkParams params) {
            String benchmark = params.getBenchmark();
            String alike = fewest == most ? "every pass alike" : "passes differ, from " + fewest;
            System.out.printf(
                    Locale.ROOT,
                    "%n%s on %s: %,d orders placed per pass (%s; %,d passes)%n",
                    benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    params.getParam("dataset"),
                    most,
                    alike,
                    passes);
        }
    }

    @Benchmark
    @Warmup(iterations = 3, time = 10)
    @Measurement(iterations = 3, time = 10)
    public TradingRecord ta4j(Ta4jSeries ta4j, Candles counter, Orders orders) {
        counter.candles += data.size();
        TradingRecord record = Ta4jBaseline.run(ta4j.series);
        orders.pass(record.getTrades().size());
        return record;
    }

    /** The pipeline of {@code trader backtest}; built only for the benchmark that asks for it. */
    @State(Scope.Benchmark)
    public static class Pipeline {

        PipelineRun run;

        @Setup(Level.Trial)
        public void build(BacktestBenchmark benchmark) {
            run = new PipelineRun(benchmark.data);
        }
    }

    /**
     * The full decision pipeline per candle: market data, anomaly and circuit-breaker checks, strategy,
     * risk, execution engine, paper broker and equity tracking, exactly as {@code trader backtest}. Longer
     * iterations, as for ta4j: a 5M pass takes seconds.
     */
    @Benchmark
    @Warmup(iterations = 3, time = 10)
    @Measurement(iterations = 3, time = 10)
    public BacktestResult pipeline(Pipeline pipeline, Candles counter, Orders orders) {
        BacktestResult result = pipeline.run.run();
        counter.candles += result.candles();
        orders.pass(result.orders().size());
        return result;
    }

    @Benchmark
    public BareLoop.Result bareLoop(Candles counter, Orders orders) {
        counter.candles += data.size();
        BareLoop.Result result = BareLoop.run(data);
        orders.pass(result.fills());
        return result;
    }
}
