package io.cointrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.testing.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Candle files for a backtest, mutated from a valid hourly file and written to disk: loading answers
 * columns whose every candle can be taken out again, or a {@link BacktestDataException}; never another
 * exception, and never columns that would break the backtest later.
 */
class CandleSourcesFuzzProperties {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String VALID = "timestamp_utc,open,high,low,close,volume\n"
            + "2025-10-25T16:00:00Z,166001000,166250000,165850000,166246000,22.50660178\n"
            + "2025-10-25T17:00:00Z,166246000,166248000,166152000,166248000,0.00431072\n"
            + "2025-10-25T18:00:00Z,166248000,166330000,166095000,166310000,5.60436575\n"
            + "2025-10-25T21:00:00Z,5000.5,5001,4999.25,5000,0\n";

    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("candle-sources-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 10_000)
    void loadsUsableColumnsOrFailsWithABacktestDataException(
            @ForAll("csv") String text, @ForAll("fileName") String name, @ForAll boolean asFolder) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        try {
            Map<Symbol, CandleColumns> loaded = CandleSources.fromPath(asFolder ? dir : file, List.of(BTC), HOUR);
            CandleColumns columns = loaded.get(BTC);
            for (int i = 0; i < columns.size(); i++) {
                Candle candle = columns.candle(i);
                assertThat(candle.low().signum()).isPositive();
                assertThat(Double.isFinite(columns.high(i))).isTrue();
            }
        } catch (BacktestDataException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("loading threw " + e + " for " + name + ":\n" + text, e);
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> mutants = Fuzz.csvMutants(List.of(VALID));
        return Arbitraries.oneOf(Fuzz.text(), mutants, mutants, mutants, mutants);
    }

    @Provide
    Arbitrary<String> fileName() {
        return Arbitraries.of("KRW-BTC_60m.csv", "upbit_KRW-BTC_1h.csv", "KRW-BTC_1m.csv", "prices.csv", "x.txt");
    }
}
