package io.cointrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleSeriesTest {

    private final List<Candle> ascending = Series.calmUptrend(5);

    @Test
    void returnsAnAscendingListAsItIs() {
        assertThat(CandleSeries.ascendingUnique(ascending)).isSameAs(ascending);
    }

    @Test
    void sortsNewestFirstInput() {
        List<Candle> newestFirst = new ArrayList<>(ascending);
        Collections.reverse(newestFirst);
        assertThat(CandleSeries.ascendingUnique(newestFirst)).containsExactlyElementsOf(ascending);
    }

    @Test
    void keepsTheLaterCandleOfADuplicateOpenTime() {
        Candle c = ascending.get(2);
        Candle revised = new Candle(c.openTime(), c.open(), c.high(), c.low(), c.close(), BigDecimal.TEN);
        List<Candle> input = new ArrayList<>(ascending);
        input.add(revised);
        assertThat(CandleSeries.ascendingUnique(input))
                .containsExactly(ascending.get(0), ascending.get(1), revised, ascending.get(3), ascending.get(4));
    }

    @Test
    void rejectsNullCandles() {
        assertThatThrownBy(() -> CandleSeries.ascendingUnique(Arrays.asList(ascending.get(0), null)))
                .isInstanceOf(NullPointerException.class);
    }
}
