package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandleCsvTest {

    private static final String HEADER = "timestamp_utc,open,high,low,close,volume\n";
    private static final String ROW_1 = "2025-10-25T16:00:00Z,166001000,166250000,165850000,166246000,22.50660178\n";
    private static final String ROW_2 = "2025-10-25T17:00:00Z,166246000,166248000,166152000,166248000,0.00431072\n";

    @Test
    void readsCandlesInFileOrderAndKeepsGaps() {
        String gapRow = "2025-10-25T23:00:00Z,166248000,166330000,166095000,166310000,5.60436575\n";
        List<Candle> candles = read(HEADER + ROW_1 + ROW_2 + gapRow);

        assertThat(candles).hasSize(3);
        Candle first = candles.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2025-10-25T16:00:00Z"));
        assertThat(first.open()).isEqualByComparingTo("166001000");
        assertThat(first.high()).isEqualByComparingTo("166250000");
        assertThat(first.low()).isEqualByComparingTo("165850000");
        assertThat(first.close()).isEqualByComparingTo("166246000");
        assertThat(first.volume()).isEqualByComparingTo("22.50660178");
        assertThat(candles.get(2).openTime()).isEqualTo(Instant.parse("2025-10-25T23:00:00Z"));
    }

    @Test
    void readsAFileWithWindowsLineEndsAndAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("KRW-BTC_60m.csv");
        Files.writeString(file, "\uFEFF" + (HEADER + ROW_1 + ROW_2).replace("\n", "\r\n"), StandardCharsets.UTF_8);

        assertThat(CandleCsv.read(file))
                .extracting(Candle::openTime)
                .containsExactly(Instant.parse("2025-10-25T16:00:00Z"), Instant.parse("2025-10-25T17:00:00Z"));
    }

    @Test
    void headerOnlyIsAnEmptyList() {
        assertThat(read(HEADER)).isEmpty();
    }

    @Test
    void rejectsAWrongHeader() {
        assertThatThrownBy(() -> read("time,open,high,low,close,volume\n" + ROW_1))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("test.csv line 1")
                .hasMessageContaining("expected header");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining("test.csv line 1");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "2025-10-25T17:00:00Z,1,2,1,2                          | expected 6 comma-separated fields",
                "2025-10-25T17:00:00Z,1,2,1,2,3,4                      | expected 6 comma-separated fields",
                "2025-10-26T02:00:00+09:00,1,2,1,2,3                   | not a UTC instant ending in Z",
                "2025-10-25 17:00Z,1,2,1,2,3                           | not an ISO-8601 instant",
                "2025-10-25T17:00:00Z,abc,2,1,2,3                      | open 'abc' is not a number",
                "2025-10-25T17:00:00Z,1,2,1,2,                         | volume '' is not a number",
                "2025-10-25T17:00:00Z,1,1e999999999,1,2,3              | high '1e999999999' is out of range",
                "2025-10-25T17:00:00Z,1e-400,2,1e-400,2,3              | open '1e-400' is out of range",
                "2025-10-25T17:00:00Z,2,2,3,2,1                        | high 2 is below low 3",
                "2025-10-25T17:00:00Z,1,2,1,3,1                        | high 2 is below open 1 or close 3",
                "2025-10-25T17:00:00Z,2,3,2.5,2.5,1                    | low 2.5 is above open 2 or close 2.5",
                "2025-10-25T17:00:00Z,1,2,0,1,1                        | low 0 must be more than zero",
                "2025-10-25T17:00:00Z,1,2,1,2,-1                       | volume -1 must not be negative",
                "2025-10-25T16:00:00Z,1,2,1,2,1                        | duplicate timestamp 2025-10-25T16:00:00Z",
                "2025-10-25T15:00:00Z,1,2,1,2,1                        | is before the previous 2025-10-25T16:00:00Z",
            })
    void rejectsABadLineNamingFileAndLine(String badLine, String problem) {
        assertThatThrownBy(() -> read(HEADER + ROW_1 + badLine.strip() + "\n" + ROW_2))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageStartingWith("test.csv line 3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void rejectsABlankLine() {
        assertThatThrownBy(() -> read(HEADER + ROW_1 + "\n" + ROW_2))
                .isInstanceOf(ReplayDataException.class)
                .hasMessage("test.csv line 3: blank line");
    }

    @Test
    void namesTheFileWhenReadingFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, HEADER + ROW_2 + ROW_1);

        assertThatThrownBy(() -> CandleCsv.read(file))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining(file.toString() + " line 3");
    }

    @Test
    void aMissingFileIsAReplayDataException(@TempDir Path dir) {
        Path missing = dir.resolve("KRW-BTC_60m.csv");

        assertThatThrownBy(() -> CandleCsv.read(missing))
                .isInstanceOf(ReplayDataException.class)
                .hasMessageContaining(missing.toString());
    }

    @Property(tries = 200)
    void writtenCandlesReadBackUnchanged(
            @ForAll @IntRange(min = 1, max = 30) int rows,
            @ForAll @LongRange(min = 1, max = 10_000_000) long basePrice,
            @ForAll @IntRange(min = 1, max = 5) int hoursBetween) {
        StringBuilder csv = new StringBuilder(HEADER);
        List<Candle> written = new ArrayList<>();
        Instant time = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            BigDecimal low = BigDecimal.valueOf(basePrice + i);
            BigDecimal high = low.add(BigDecimal.valueOf(i % 7));
            BigDecimal open = i % 2 == 0 ? low : high;
            BigDecimal close = i % 2 == 0 ? high : low;
            BigDecimal volume = new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(basePrice * i));
            written.add(new Candle(time, open, high, low, close, volume));
            csv.append(time).append(',').append(open).append(',').append(high).append(',');
            csv.append(low)
                    .append(',')
                    .append(close)
                    .append(',')
                    .append(volume.toPlainString())
                    .append('\n');
            time = time.plus(Duration.ofHours(hoursBetween));
        }

        assertThat(read(csv.toString())).isEqualTo(written);
    }

    private static List<Candle> read(String text) {
        return CandleCsv.read("test.csv", new StringReader(text));
    }
}
