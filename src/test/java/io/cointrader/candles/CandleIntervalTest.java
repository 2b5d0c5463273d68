package io.cointrader.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CandleIntervalTest {

    @ParameterizedTest
    @CsvSource({
        "1m, 1",
        "3m, 3",
        "5m, 5",
        "10m, 10",
        "15m, 15",
        "30m, 30",
        "60m, 60",
        "240m, 240",
        "1h, 60",
        "4h, 240",
        "1d, 1440",
        " 1H , 60",
        "240M, 240"
    })
    void parsesEveryIntervalUpbitServes(String text, int minutes) {
        assertThat(CandleInterval.parse(text).minutes()).isEqualTo(minutes);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2h", "60", "1440m", "0m", "7m", "1w", "m", "-5m", "1.5h", "60 m", "1M0"})
    void refusesAnythingElseNamingTheAcceptedValues(String text) {
        assertThatThrownBy(() -> CandleInterval.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CandleInterval.ACCEPTED);
    }

    @Test
    void pathsAndLabelsFollowUpbit() {
        assertThat(CandleInterval.MINUTES_60.path()).isEqualTo("/v1/candles/minutes/60");
        assertThat(CandleInterval.DAY.path()).isEqualTo("/v1/candles/days");
        assertThat(CandleInterval.MINUTES_240.label()).isEqualTo("240m");
        assertThat(CandleInterval.DAY.label()).isEqualTo("1d");
        assertThat(CandleInterval.ofMinutes(1440)).isEqualTo(CandleInterval.DAY);
        assertThatThrownBy(() -> CandleInterval.ofMinutes(120)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floorsAndCeilsToOpenTimesAlignedToUtcMidnight() {
        Instant t = Instant.parse("2025-03-04T13:47:12.5Z");
        assertThat(CandleInterval.MINUTES_240.floor(t)).isEqualTo(Instant.parse("2025-03-04T12:00:00Z"));
        assertThat(CandleInterval.MINUTES_240.ceil(t)).isEqualTo(Instant.parse("2025-03-04T16:00:00Z"));
        assertThat(CandleInterval.DAY.floor(t)).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
        assertThat(CandleInterval.MINUTES_15.ceil(Instant.parse("2025-03-04T13:45:00Z")))
                .isEqualTo(Instant.parse("2025-03-04T13:45:00Z"));
        assertThat(CandleInterval.MINUTES_1.floor(Instant.parse("1969-12-31T23:59:30Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:00Z"));
    }
}
