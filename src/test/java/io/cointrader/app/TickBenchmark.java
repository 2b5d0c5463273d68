package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.logging.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * One tick of the real pipeline (replay exchange, strategy, risk, execution, paper broker, SQLite
 * store) per invocation, sleeps excluded: the simulated clock moves one hour after every pass over the
 * four bundled symbols and starts over when the history runs out. Run with {@code ./mvnw -B -Pbench
 * -DskipTests test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TickBenchmark {

    private static final List<Symbol> SYMBOLS =
            List.of(Symbol.parse("BTC/KRW"), Symbol.parse("ETH/KRW"), Symbol.parse("XRP/KRW"), Symbol.parse("SOL/KRW"));

    private Path dir;
    private TradingSystem system;
    private TickProcessor ticks;
    private ReplayClock clock;
    private int runs;
    private Instant end;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("tick-bench");
        restart();
    }

    private void restart() {
        if (system != null) {
            system.close();
        }
        runs++;
        Settings settings = SettingsLoader.load(
                        Map.of(
                                "EXCHANGE",
                                "replay",
                                "TRADING_SYMBOLS",
                                "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW",
                                "DB_PATH",
                                dir.resolve("bench-" + runs + ".db").toString(),
                                "KILL_SWITCH_FILE",
                                dir.resolve("kill_switch").toString()),
                        Map.of(),
                        dir)
                .settings();
        system = SystemBuilder.build(settings, Redactor.withSecrets(List.of()), line -> {});
        ticks = system.tickProcessor();
        clock = system.replayClock().orElseThrow();
        end = system.replayEnd().orElseThrow();
    }

    @Benchmark
    public TickReport tick() {
        TickReport report = ticks.tick(SYMBOLS.get(next));
        next = (next + 1) % SYMBOLS.size();
        if (next == 0) {
            Instant later = clock.instant().plus(Duration.ofHours(1));
            if (later.isBefore(end)) {
                clock.set(later);
            } else {
                restart(); // a fresh account, so that no run replays a past it has already traded
            }
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        system.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
