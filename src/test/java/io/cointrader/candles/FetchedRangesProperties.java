package io.cointrader.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever ranges were fetched, {@code missing} is exactly the rest of the wanted range. */
class FetchedRangesProperties {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final AtomicInteger MARKETS = new AtomicInteger();
    private static Path dir;
    private static CandleCache cache;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("fetched-ranges");
        cache = CandleCache.open(dir.resolve("c.db"));
    }

    @AfterContainer
    static void close() {
        cache.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant hour(int n) {
        return T0.plus(Duration.ofHours(n));
    }

    @Property(tries = 200)
    void missingIsTheWantedRangeMinusEverythingFetched(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 60) Integer> starts,
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 15) Integer> lengths,
            @ForAll @IntRange(min = 0, max = 70) int wantedFrom,
            @ForAll @IntRange(min = 1, max = 30) int wantedLength) {
        Symbol symbol = new Symbol("T" + MARKETS.incrementAndGet(), "KRW");
        BitSet fetched = new BitSet();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
            int from = starts.get(i);
            int to = from + lengths.get(i);
            cache.store(symbol, 60, List.of(), new TimeRange(hour(from), hour(to)));
            fetched.set(from, to);
        }
        int wantedTo = wantedFrom + wantedLength;

        List<TimeRange> missing = cache.missing(symbol, 60, new TimeRange(hour(wantedFrom), hour(wantedTo)));

        BitSet expected = new BitSet();
        expected.set(wantedFrom, wantedTo);
        expected.andNot(fetched);
        BitSet actual = new BitSet();
        Instant previousEnd = null;
        for (TimeRange range : missing) {
            assertThat(previousEnd == null || range.from().isAfter(previousEnd))
                    .as("sorted, disjoint, not touching: %s", missing)
                    .isTrue();
            actual.set(hoursOf(range.from()), hoursOf(range.to()));
            previousEnd = range.to();
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static int hoursOf(Instant time) {
        return (int) Duration.between(T0, time).toHours();
    }
}
