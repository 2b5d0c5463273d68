package io.cointrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleSourcesTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String HEADER = "timestamp_utc,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    @Test
    void readsOneFileForOneSymbolWhateverItsName() throws IOException {
        Path file =
                write("prices.csv", HEADER + row("2025-01-01T00:00:00Z", "100") + row("2025-01-01T01:00:00Z", "101"));

        CandleColumns c = CandleSources.fromPath(file, List.of(BTC), HOUR).get(BTC);

        assertThat(c.size()).isEqualTo(2);
        assertThat(c.exactClose(1)).isEqualByComparingTo("101");
        assertThat(c.close(1)).isEqualTo(101.0);
    }

    @Test
    void picksFilesOfAFolderByMarketAndInterval() throws IOException {
        write("upbit_KRW-BTC_60m.csv", HEADER + row("2025-01-01T00:00:00Z", "100"));
        write("upbit_KRW-BTC_1m.csv", HEADER + row("2025-01-01T00:01:00Z", "100"));
        write("KRW-ETH_1h_2025.csv", HEADER + row("2025-01-01T00:00:00Z", "7"));

        Map<Symbol, CandleColumns> data = CandleSources.fromPath(dir, List.of(BTC, ETH), HOUR);

        assertThat(data.get(BTC).size()).isEqualTo(1);
        assertThat(data.get(ETH).exactClose(0)).isEqualByComparingTo("7");
    }

    @Test
    void refusesMissingFilesWrongHeadersAndDisorderWithTheFileAndLine() throws IOException {
        assertThatThrownBy(() -> CandleSources.fromPath(dir.resolve("nope.csv"), List.of(BTC), HOUR))
                .isInstanceOf(BacktestDataException.class)
                .hasMessageContaining("nope.csv does not exist");
        Path header = write("a.csv", "time,open,high,low,close,volume\n" + row("2025-01-01T00:00:00Z", "1"));
        assertThatThrownBy(() -> CandleSources.fromPath(header, List.of(BTC), HOUR))
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected header");
        Path unsorted = write("b.csv", HEADER + row("2025-01-01T02:00:00Z", "1") + row("2025-01-01T01:00:00Z", "1"));
        assertThatThrownBy(() -> CandleSources.fromPath(unsorted, List.of(BTC), HOUR))
                .hasMessageContaining("line 3")
                .hasMessageContaining("before the previous");
        Path duplicate = write("c.csv", HEADER + row("2025-01-01T01:00:00Z", "1") + row("2025-01-01T01:00:00Z", "1"));
        assertThatThrownBy(() -> CandleSources.fromPath(duplicate, List.of(BTC), HOUR))
                .hasMessageContaining("duplicate timestamp");
    }

    @Test
    void refusesCandlesOfAnotherIntervalThanAskedFor() throws IOException {
        Path minutes = write("m.csv", HEADER + row("2025-01-01T00:00:00Z", "1") + row("2025-01-01T00:01:00Z", "1"));
        Path hours = write("h.csv", HEADER + row("2025-01-01T00:00:00Z", "1") + row("2025-01-01T01:00:00Z", "1"));

        assertThatThrownBy(() -> CandleSources.fromPath(minutes, List.of(BTC), HOUR))
                .hasMessageContaining("does not open on the 60m grid");
        assertThatThrownBy(() -> CandleSources.fromPath(hours, List.of(BTC), Duration.ofMinutes(1)))
                .hasMessageContaining("at least 60m apart, not 1m");
    }

    @Test
    void namesTheSymbolWithoutDataInAFolderOrTheBundledHistory() throws IOException {
        write("KRW-BTC_60m.csv", HEADER + row("2025-01-01T00:00:00Z", "1"));

        assertThatThrownBy(() -> CandleSources.fromPath(dir, List.of(BTC, ETH), HOUR))
                .hasMessageContaining("60m candles of ETH/KRW");
        assertThatThrownBy(() -> CandleSources.bundled(List.of(Symbol.parse("DOGE/KRW")), HOUR))
                .hasMessageContaining("no bundled history for DOGE/KRW");
        assertThatThrownBy(() -> CandleSources.bundled(List.of(BTC), Duration.ofMinutes(1)))
                .hasMessageContaining("60m candles only");
    }

    @Test
    void bundledHistoryServesTheFourMarkets() {
        Map<Symbol, CandleColumns> data = CandleSources.bundled(List.of(BTC, ETH), HOUR);

        assertThat(data.get(BTC).size()).isGreaterThan(1000);
        assertThat(data.get(ETH).smallestStep()).isEqualTo(3600);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String row(String time, String close) {
        return time + "," + close + "," + close + "," + close + "," + close + ",1\n";
    }
}
