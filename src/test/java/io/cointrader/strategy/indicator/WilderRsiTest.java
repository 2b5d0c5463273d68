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

class WilderRsiTest {

    @Test
    void smoothsGainsAndLossesWithOneOverPeriod() {
        WilderRsi rsi = new WilderRsi(2); // alpha = 1/2
        rsi.add(10.0); // gain 0, loss 0
        rsi.add(12.0); // avg gain 1, avg loss 0
        assertThat(rsi.value()).isEqualTo(100.0);
        rsi.add(11.0); // avg gain 0.5, avg loss 0.5
        assertThat(rsi.value()).isEqualTo(50.0);
        rsi.add(10.0); // avg gain 0.25, avg loss 0.75 -> rs 1/3
        assertThat(rsi.value()).isEqualTo(25.0);
    }

    @Test
    void isZeroWithoutAnyMovementLikeTa4j() {
        WilderRsi rsi = new WilderRsi(14);
        for (int i = 0; i < 20; i++) {
            rsi.add(100.0);
        }
        assertThat(rsi.value()).isZero();
    }

    @Test
    void peekDoesNotCommitTheClose() {
        WilderRsi rsi = new WilderRsi(2);
        rsi.add(10.0);
        rsi.add(12.0);
        assertThat(rsi.peek(11.0)).isEqualTo(50.0);
        assertThat(rsi.peek(20.0)).isEqualTo(100.0);
        assertThat(rsi.value()).isEqualTo(100.0);
        assertThat(rsi.count()).isEqualTo(2);
    }

    @Test
    void becomesStableAfterPeriodChanges() {
        WilderRsi rsi = new WilderRsi(3);
        for (int i = 0; i < 3; i++) {
            rsi.add(100.0 + i);
        }
        assertThat(rsi.isStable()).isFalse();
        rsi.add(99.0);
        assertThat(rsi.isStable()).isTrue();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new WilderRsi(0)).isInstanceOf(IllegalArgumentException.class);
        WilderRsi rsi = new WilderRsi(14);
        assertThatThrownBy(rsi::value).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rsi.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void staysWithinZeroAndHundredAndPeekMatchesAdd(
            @ForAll @IntRange(min = 1, max = 30) int period,
            @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = 0.01, max = 1e9) Double> closes) {
        WilderRsi rsi = new WilderRsi(period);
        for (double close : closes) {
            double peeked = rsi.peek(close);
            rsi.add(close);
            assertThat(rsi.value()).isEqualTo(peeked).isBetween(0.0, 100.0);
        }
    }
}
