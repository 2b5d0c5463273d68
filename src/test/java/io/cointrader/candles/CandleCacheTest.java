package io.cointrader.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleCacheTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Candle candle(Instant open, String price, String volume) {
        BigDecimal p = new BigDecimal(price);
        return new Candle(open, p, p, p, p, new BigDecimal(volume));
    }

    private static Instant hour(int n) {
        return T0.plus(Duration.ofHours(n));
    }

    @Test
    void candlesReadBackExactlyAsStored() {
        Candle precise = new Candle(
                T0,
                new BigDecimal("157395000.0"),
                new BigDecimal("157396000.00"),
                new BigDecimal("0.00000001"),
                new BigDecimal("157065000"),
                new BigDecimal("31.714155860"));
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, List.of(precise));

            Candle back = cache.read(BTC, 60, T0, hour(1)).get(0);
            assertThat(back).isEqualTo(precise);
            assertThat(back.high().scale()).isEqualTo(2);
            assertThat(back.volume().toPlainString()).isEqualTo("31.714155860");
        }
    }

    @Test
    void readsOldestFirstWithinAHalfOpenRange() {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candles.add(candle(hour(i), "100" + i, "1"));
        }
        List<Candle> shuffled = new ArrayList<>(candles);
        Collections.reverse(shuffled);
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, shuffled);

            assertThat(cache.read(BTC, 60, hour(2), hour(5))).containsExactlyElementsOf(candles.subList(2, 5));
            assertThat(cache.read(BTC, 60, hour(2).minusSeconds(1), hour(5).plusNanos(1)))
                    .containsExactlyElementsOf(candles.subList(2, 6));
            assertThat(cache.cached(BTC, 60, hour(2), hour(5))).contains(new CachedRange(3, hour(2), hour(4)));
            assertThat(cache.cached(BTC, 60, hour(20), hour(30))).isEmpty();
        }
    }

    @Test
    void theNewerDownloadOfACandleReplacesTheOlderOne() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, List.of(candle(T0, "100", "1"), candle(hour(1), "200", "2")));
            cache.store(BTC, 60, List.of(candle(T0, "101", "1.5")));
            cache.store(BTC, 60, List.of(candle(hour(1), "200", "2")));

            assertThat(cache.read(BTC, 60, T0, hour(2)))
                    .containsExactly(candle(T0, "101", "1.5"), candle(hour(1), "200", "2"));
        }
    }

    @Test
    void marketsAndIntervalsAreKeptApart() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, List.of(candle(hour(3), "1", "1"), candle(hour(7), "2", "1")));
            cache.store(BTC, 240, List.of(candle(hour(0), "3", "1")));
            cache.store(ETH, 60, List.of(candle(hour(1), "4", "1"), candle(hour(9), "5", "1")));

            assertThat(cache.oldest(BTC, 60)).contains(hour(3));
            assertThat(cache.newest(BTC, 60)).contains(hour(7));
            assertThat(cache.oldest(BTC, 240)).contains(hour(0));
            assertThat(cache.newest(ETH, 60)).contains(hour(9));
            assertThat(cache.oldest(ETH, 240)).isEmpty();
            assertThat(cache.read(ETH, 60, T0, hour(24)))
                    .extracting(Candle::openTime)
                    .containsExactly(hour(1), hour(9));
        }
    }

    @Test
    void remembersFetchedRangesAndReportsOnlyWhatIsMissing() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, List.of(candle(hour(2), "1", "1")), new TimeRange(hour(0), hour(10)));
            cache.store(BTC, 60, List.of(), new TimeRange(hour(20), hour(30)));
            cache.store(BTC, 60, List.of(candle(hour(10), "1", "1")), new TimeRange(hour(10), hour(12)));

            assertThat(cache.missing(BTC, 60, new TimeRange(hour(-5), hour(40))))
                    .containsExactly(
                            new TimeRange(hour(-5), hour(0)),
                            new TimeRange(hour(12), hour(20)),
                            new TimeRange(hour(30), hour(40)));
            assertThat(cache.missing(BTC, 60, new TimeRange(hour(1), hour(12)))).isEmpty();
            assertThat(cache.missing(BTC, 240, new TimeRange(hour(1), hour(12))))
                    .containsExactly(new TimeRange(hour(1), hour(12)));
            assertThat(cache.missing(ETH, 60, new TimeRange(hour(1), hour(12))))
                    .containsExactly(new TimeRange(hour(1), hour(12)));
        }
    }

    @Test
    void candlesStoredWithoutARangeAreNotTakenAsComplete() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            cache.store(BTC, 60, List.of(candle(hour(1), "1", "1"), candle(hour(5), "1", "1")));

            assertThat(cache.missing(BTC, 60, new TimeRange(hour(0), hour(6))))
                    .containsExactly(new TimeRange(hour(0), hour(6)));
        }
    }

    @Test
    void refusesACandleOutsideItsFetchedRangeAndStoresNothing() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            assertThatThrownBy(() -> cache.store(
                            BTC,
                            60,
                            List.of(candle(hour(1), "1", "1"), candle(hour(10), "1", "1")),
                            new TimeRange(hour(0), hour(10))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside");

            assertThat(cache.read(BTC, 60, T0, hour(24))).isEmpty();
            assertThat(cache.missing(BTC, 60, new TimeRange(hour(0), hour(10)))).hasSize(1);
        }
    }

    @Test
    void aFailedWriteLeavesNoPartOfIt() {
        try (CandleCache cache = CandleCache.open(dir.resolve("c.db"))) {
            Candle fractional = candle(hour(2).plusMillis(1), "1", "1");
            assertThatThrownBy(() -> cache.store(BTC, 60, List.of(candle(hour(1), "1", "1"), fractional)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole seconds");

            assertThat(cache.read(BTC, 60, T0, hour(24))).isEmpty();
        }
    }

    @Test
    void keepsItsContentAcrossReopeningInWalMode() throws Exception {
        Path file = dir.resolve("deep/er/c.db");
        try (CandleCache cache = CandleCache.open(file)) {
            cache.store(BTC, 60, List.of(candle(T0, "7", "1")), new TimeRange(T0, hour(1)));
        }
        try (CandleCache cache = CandleCache.open(file)) {
            assertThat(cache.read(BTC, 60, T0, hour(1))).containsExactly(candle(T0, "7", "1"));
            assertThat(cache.missing(BTC, 60, new TimeRange(T0, hour(1)))).isEmpty();
            assertThat(cache.file()).isEqualTo(file.toAbsolutePath());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void refusesAFileThatIsNotACandleCache() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, just text that is long enough to have a header....");
        assertThatThrownBy(() -> CandleCache.open(garbage))
                .isInstanceOf(CandleCacheException.class)
                .hasMessageContaining(garbage.toString());

        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id TEXT)");
        }
        assertThatThrownBy(() -> CandleCache.open(other))
                .isInstanceOf(CandleCacheException.class)
                .hasMessageContaining("not a candle cache");
    }

    @Test
    void aClosedCacheRefusesWork() {
        CandleCache cache = CandleCache.open(dir.resolve("c.db"));
        cache.close();
        cache.close();

        assertThatThrownBy(() -> cache.read(BTC, 60, T0, hour(1))).isInstanceOf(IllegalStateException.class);
    }
}
