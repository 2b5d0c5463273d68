package io.cointrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void isSeededWithTheFirstValueAndSmoothsWithTwoOverPeriodPlusOne() {
        Ema ema = new Ema(3); // alpha = 0.5
        ema.add(10.0);
        assertThat(ema.value()).isEqualTo(10.0);
        ema.add(20.0);
        assertThat(ema.value()).isEqualTo(15.0);
        ema.add(5.0);
        assertThat(ema.value()).isEqualTo(10.0);
    }

    @Test
    void peekDoesNotCommitTheValue() {
        Ema ema = new Ema(3);
        ema.add(10.0);
        ema.add(20.0);
        assertThat(ema.peek(25.0)).isEqualTo(20.0);
        assertThat(ema.peek(5.0)).isEqualTo(10.0);
        assertThat(ema.value()).isEqualTo(15.0);
        assertThat(ema.count()).isEqualTo(2);
    }

    @Test
    void peekOnAnEmptyIndicatorIsTheValueItself() {
        assertThat(new Ema(12).peek(42.0)).isEqualTo(42.0);
    }

    @Test
    void becomesStableAfterMoreThanPeriodValues() {
        Ema ema = new Ema(3);
        for (int i = 0; i < 3; i++) {
            ema.add(1.0);
            assertThat(ema.isStable()).isFalse();
        }
        ema.add(1.0);
        assertThat(ema.isStable()).isTrue();
        assertThat(ema.count()).isEqualTo(4);
        assertThat(ema.warmUp()).isEqualTo(4);
    }

    @Test
    void rejectsBadPeriodsAndValuesAndReadsBeforeAnyValue() {
        assertThatThrownBy(() -> new Ema(0)).isInstanceOf(IllegalArgumentException.class);
        Ema ema = new Ema(5);
        assertThatThrownBy(ema::value).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ema.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ema.peek(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ema.count()).isZero();
    }

    @Property
    void peekEqualsTheValueAfterAdd(
            @ForAll @IntRange(min = 1, max = 50) int period,
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 1, max = 1e9) Double> values) {
        Ema ema = new Ema(period);
        for (double v : values) {
            double peeked = ema.peek(v);
            ema.add(v);
            assertThat(ema.value()).isEqualTo(peeked);
        }
    }

    @Property
    void staysWithinTheRangeOfItsInputs(
            @ForAll @IntRange(min = 1, max = 50) int period,
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 1, max = 1e9) Double> values) {
        Ema ema = new Ema(period);
        values.forEach(ema::add);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(ema.value()).isBetween(min - max * 1e-12, max + max * 1e-12);
    }
}
