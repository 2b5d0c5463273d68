package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import io.cointrader.testing.Fuzz;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Candle CSV text, random and mutated from valid files (fields replaced by nasty values, rows removed,
 * repeated, swapped or cut, headers damaged): the reader answers strictly ascending, consistent candles
 * or a {@link ReplayDataException} naming the source, never another exception.
 */
class CandleCsvFuzzProperties {

    static final String VALID = CandleCsv.HEADER + "\n"
            + "2025-10-25T16:00:00Z,166001000,166250000,165850000,166246000,22.50660178\n"
            + "2025-10-25T17:00:00Z,166246000,166248000,166152000,166248000,0.00431072\n"
            + "2025-10-25T18:00:00Z,166248000,166330000,166095000,166310000,5.60436575\n"
            + "2025-10-25T21:00:00Z,5000.5,5001,4999.25,5000,0";

    private static final String OTHER = CandleCsv.HEADER + "\n"
            + "2024-01-01T00:00:00Z,1,1,1,1,0\n"
            + "2024-01-01T00:01:00Z,0.00000001,2,0.00000001,2,1e3\n"
            + "2024-01-01T00:02:00.5Z,2,2,1,1,100";

    @Property(tries = 10_000)
    void readsConsistentCandlesOrFailsWithAReplayDataException(@ForAll("csv") String text) {
        List<Candle> candles;
        try {
            candles = CandleCsv.read("fuzz.csv", new StringReader(text));
        } catch (ReplayDataException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("the reader threw " + e + " for:\n" + text, e);
        }
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            assertThat(c.low().signum()).isPositive();
            assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
            assertThat(c.volume().signum()).isNotNegative();
            if (i > 0) {
                assertThat(c.openTime()).isAfter(candles.get(i - 1).openTime());
            }
        }
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> mutants = Fuzz.csvMutants(List.of(VALID, OTHER));
        return Arbitraries.oneOf(
                Fuzz.text(), Fuzz.text().map(t -> CandleCsv.HEADER + "\n" + t), mutants, mutants, mutants, mutants);
    }
}
