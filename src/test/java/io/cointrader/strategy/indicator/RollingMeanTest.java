package io.cointrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Candle;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RollingMeanTest {

    @Test
    void averagesTheValuesSeenUntilTheWindowIsFull() {
        RollingMean mean = new RollingMean(3);
        mean.add(3.0);
        assertThat(mean.value()).isEqualTo(3.0);
        mean.add(6.0);
        assertThat(mean.value()).isEqualTo(4.5);
        assertThat(mean.isStable()).isFalse();
        mean.add(9.0);
        assertThat(mean.value()).isEqualTo(6.0);
        assertThat(mean.isStable()).isTrue();
        mean.add(12.0);
        assertThat(mean.value()).isEqualTo(9.0);
        assertThat(mean.count()).isEqualTo(4);
    }

    @Test
    void peekIncludesTheProvisionalValueAndDropsTheOldest() {
        RollingMean mean = new RollingMean(3);
        mean.add(3.0);
        assertThat(mean.peek(5.0)).isEqualTo(4.0);
        mean.add(6.0);
        mean.add(9.0);
        assertThat(mean.peek(30.0)).isEqualTo(15.0);
        assertThat(mean.value()).isEqualTo(6.0);
        assertThat(mean.count()).isEqualTo(3);
    }

    @Test
    void matchesANaiveMeanOverRealVolumes() {
        List<Candle> candles = SampleCandles.btcHourly();
        RollingMean mean = new RollingMean(20);
        for (int i = 0; i < candles.size(); i++) {
            mean.add(candles.get(i).volume().doubleValue());
            double naive = 0.0;
            int from = Math.max(0, i - 19);
            for (int j = from; j <= i; j++) {
                naive += candles.get(j).volume().doubleValue();
            }
            naive /= i - from + 1;
            assertThat(Math.abs(mean.value() - naive)).isLessThanOrEqualTo(naive * 1e-12);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new RollingMean(0)).isInstanceOf(IllegalArgumentException.class);
        RollingMean mean = new RollingMean(5);
        assertThatThrownBy(mean::value).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mean.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void equalsTheNaiveMeanOfTheLastWindowValues(
            @ForAll @IntRange(min = 1, max = 25) int window,
            @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = 0, max = 1e6) Double> values) {
        RollingMean mean = new RollingMean(window);
        for (int i = 0; i < values.size(); i++) {
            double peeked = mean.peek(values.get(i));
            mean.add(values.get(i));
            double naive = values.subList(Math.max(0, i - window + 1), i + 1).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            assertThat(Math.abs(mean.value() - naive)).isLessThanOrEqualTo(1e-6);
            assertThat(Math.abs(peeked - mean.value())).isLessThanOrEqualTo(1e-6);
        }
    }
}
