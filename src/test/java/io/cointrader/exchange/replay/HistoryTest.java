package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Symbol XRP = Symbol.parse("XRP/KRW");
    private static final Symbol SOL = Symbol.parse("SOL/KRW");
    private static final String HEADER = "timestamp_utc,open,high,low,close,volume\n";

    @Test
    void bundledHistoryHoldsTheFourMarketsWithTheDocumentedRowCounts() {
        History history = History.bundled();

        assertThat(history.symbols()).containsExactly(BTC, ETH, SOL, XRP);
        assertThat(series(history, BTC).size()).isEqualTo(2264);
        assertThat(series(history, ETH).size()).isEqualTo(1025);
        assertThat(series(history, XRP).size()).isEqualTo(1025);
        assertThat(series(history, SOL).size()).isEqualTo(1025);
        assertThat(series(history, BTC).first().openTime()).isEqualTo(Instant.parse("2025-08-28T11:00:00Z"));
        assertThat(series(history, SOL).first().openTime()).isEqualTo(Instant.parse("2025-10-19T01:00:00Z"));
        assertThat(series(history, ETH).first().openTime()).isEqualTo(Instant.parse("2025-10-19T02:00:00Z"));
        for (Symbol symbol : history.symbols()) {
            assertThat(series(history, symbol).last().openTime()).isEqualTo(Instant.parse("2025-11-30T23:00:00Z"));
        }
    }

    @Test
    void bundledSeriesOverlapOnOneClockAndShareThePauseOfOctober25() {
        History history = History.bundled();
        ReplayExchange exchange = new ReplayExchange(history, new ReplayClock(Instant.EPOCH));

        assertThat(exchange.dataStart(history.symbols())).isEqualTo(Instant.parse("2025-10-19T02:00:00Z"));
        assertThat(exchange.dataEnd(history.symbols())).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
        Instant resumed = Instant.parse("2025-10-25T23:00:00Z");
        for (Symbol symbol : history.symbols()) {
            CandleSeries s = series(history, symbol);
            int after = s.indexAtOrAfter(resumed);
            assertThat(s.get(after).openTime()).isEqualTo(resumed);
            assertThat(s.get(after - 1).openTime()).isBefore(Instant.parse("2025-10-25T18:00:00Z"));
        }
    }

    @Test
    void bundledIndexListsEveryBundledCsvFile() throws IOException {
        try (InputStream in = History.class.getClassLoader().getResourceAsStream("replay/index")) {
            assertThat(in).isNotNull();
            List<String> listed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            assertThat(listed)
                    .containsExactlyInAnyOrder(
                            "KRW-BTC_60m.csv", "KRW-ETH_60m.csv", "KRW-XRP_60m.csv", "KRW-SOL_60m.csv");
        }
    }

    @Test
    void namingRuleFindsTheMarketCodeFollowedBy60m() {
        assertThat(History.symbolOfFileName("upbit_KRW-BTC_60m.csv")).contains(BTC);
        assertThat(History.symbolOfFileName("KRW-ETH_60m.csv")).contains(ETH);
        assertThat(History.symbolOfFileName("upbit_KRW-SOL_60m_2025-10_2025-11.csv"))
                .contains(SOL);
        assertThat(History.symbolOfFileName("upbit_KRW-ETH_15m.csv")).isEmpty();
        assertThat(History.symbolOfFileName("upbit_KRW-BTC_60min.csv")).isEmpty();
        assertThat(History.symbolOfFileName("upbit_KRW-BTC_600m.csv")).isEmpty();
        assertThat(History.symbolOfFileName("binance_BTCUSDT_1h.csv")).isEmpty();
        assertThat(History.symbolOfFileName("upbit_krw-btc_60m.csv")).isEmpty();
        assertThat(History.symbolOfFileName("KRW-BTC_60m.csv.bak")).isEmpty();
        assertThat(History.symbolOfFileName("README.md")).isEmpty();
    }

    @Test
    void loadsMatchingFilesOfADirectoryAndIgnoresTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("upbit_KRW-BTC_60m.csv"), HEADER + row("2025-10-25T16:00:00Z", 100));
        Files.writeString(dir.resolve("KRW-ETH_60m_2025-10.csv"), HEADER + row("2025-10-25T17:00:00Z", 200));
        Files.writeString(dir.resolve("upbit_KRW-ETH_15m.csv"), "not even a csv");
        Files.writeString(dir.resolve("README.md"), "# notes");
        Files.createDirectory(dir.resolve("KRW-XRP_60m.csv"));

        History history = History.fromDirectory(dir);

        assertThat(history.symbols()).containsExactly(BTC, ETH);
        assertThat(series(history, ETH).first().close()).isEqualByComparingTo("200");
    }

    @Test
    void mergesSeveralFilesOfOneMarketWhenTheyAgree(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("a_KRW-BTC_60m.csv"),
                HEADER + row("2025-10-25T15:00:00Z", 100) + row("2025-10-25T16:00:00Z", 101));
        Files.writeString(
                dir.resolve("b_KRW-BTC_60m.csv"),
                HEADER + row("2025-10-25T16:00:00Z", 101) + row("2025-10-25T23:00:00Z", 102));

        CandleSeries btc = series(History.fromDirectory(dir), BTC);

        assertThat(btc.candles())
                .extracting(Candle::openTime)
                .containsExactly(
                        Instant.parse("2025-10-25T15:00:00Z"),
                        Instant.parse("2025-10-25T16:00:00Z"),
                        Instant.parse("2025-10-25T23:00:00Z"));
    }

    @Test
    void rejectsFilesOfOneMarketThatDisagree(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a_KRW-BTC_60m.csv"), HEADER + row("2025-10-25T16:00:00Z", 100));
        Files.writeString(dir.resolve("b_KRW-BTC_60m.csv"), HEADER + row("2025-10-25T16:00:00Z", 101));

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("a_KRW-BTC_60m.csv")
                .hasMessageContaining("b_KRW-BTC_60m.csv")
                .hasMessageContaining("disagree on the candle at 2025-10-25T16:00:00Z");
    }

    @Test
    void rejectsAMalformedFileNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("KRW-BTC_60m.csv"), HEADER + "2025-10-25T16:00:00Z,1,2,3\n");

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("KRW-BTC_60m.csv line 2");
    }

    @Test
    void rejectsCandlesThatDoNotOpenOnAWholeHour(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("KRW-BTC_60m.csv"), HEADER + row("2025-10-25T16:15:00Z", 100));

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("does not open on a whole hour");
    }

    @Test
    void rejectsAFileWithoutCandles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("KRW-BTC_60m.csv"), HEADER);

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("no candles for BTC/KRW");
    }

    @Test
    void rejectsNonKrwMarkets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("USDT-BTC_60m.csv"), HEADER + row("2025-10-25T16:00:00Z", 100));

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("KRW spot markets only");
    }

    @Test
    void rejectsADirectoryWithoutMatchingFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("upbit_KRW-BTC_1d.csv"), HEADER);

        assertThatThrownBy(() -> History.fromDirectory(dir))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("no file in " + dir);
        assertThatThrownBy(() -> History.fromDirectory(dir.resolve("missing")))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void binarySearchFindsCandlesAroundAGap() {
        History history = History.of(Map.of(
                BTC,
                List.of(
                        candle("2025-10-25T16:00:00Z", 100),
                        candle("2025-10-25T17:00:00Z", 101),
                        candle("2025-10-25T23:00:00Z", 102))));
        CandleSeries s = series(history, BTC);

        assertThat(s.indexAtOrBefore(Instant.parse("2025-10-25T15:59:59Z"))).isEqualTo(-1);
        assertThat(s.indexAtOrBefore(Instant.parse("2025-10-25T16:00:00Z"))).isZero();
        assertThat(s.indexAtOrBefore(Instant.parse("2025-10-25T20:00:00.5Z"))).isEqualTo(1);
        assertThat(s.indexAtOrBefore(Instant.parse("2025-10-26T20:00:00Z"))).isEqualTo(2);
        assertThat(s.indexAtOrAfter(Instant.parse("2025-10-25T17:00:00Z"))).isEqualTo(1);
        assertThat(s.indexAtOrAfter(Instant.parse("2025-10-25T17:00:00.001Z"))).isEqualTo(2);
        assertThat(s.indexAtOrAfter(Instant.parse("2025-10-25T23:00:01Z"))).isEqualTo(3);
        assertThat(s.end()).isEqualTo(Instant.parse("2025-10-26T00:00:00Z"));
    }

    private static CandleSeries series(History history, Symbol symbol) {
        return history.series(symbol).orElseThrow();
    }

    private static String row(String time, int price) {
        return time + "," + price + "," + price + "," + price + "," + price + ",1\n";
    }

    private static Candle candle(String time, int price) {
        BigDecimal p = BigDecimal.valueOf(price);
        return new Candle(Instant.parse(time), p, p, p, p, BigDecimal.ONE);
    }
}
