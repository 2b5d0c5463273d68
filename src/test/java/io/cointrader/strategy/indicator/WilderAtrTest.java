package io.cointrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WilderAtrTest {

    @Test
    void firstTrueRangeIsHighMinusLow() {
        WilderAtr atr = new WilderAtr(4);
        atr.add(110.0, 100.0, 105.0);
        assertThat(atr.value()).isEqualTo(10.0);
    }

    @Test
    void trueRangeReachesBackToThePreviousCloseAcrossGaps() {
        WilderAtr atr = new WilderAtr(4); // alpha = 1/4
        atr.add(110.0, 100.0, 105.0); // 10
        atr.add(130.0, 126.0, 128.0); // gap up: |130 - 105| = 25
        assertThat(atr.value()).isEqualTo(10.0 + (25.0 - 10.0) / 4);
        atr.add(120.0, 100.0, 101.0); // range 20 > |120-128|, |100-128| = 28
        double expected = 13.75 + (28.0 - 13.75) / 4;
        assertThat(atr.value()).isEqualTo(expected);
    }

    @Test
    void peekDoesNotCommitTheCandle() {
        WilderAtr atr = new WilderAtr(4);
        atr.add(110.0, 100.0, 105.0);
        double peeked = atr.peek(130.0, 126.0, 128.0);
        assertThat(peeked).isEqualTo(13.75);
        assertThat(atr.peek(106.0, 104.0, 105.0)).isEqualTo(10.0 + (2.0 - 10.0) / 4);
        assertThat(atr.value()).isEqualTo(10.0);
        assertThat(atr.count()).isEqualTo(1);
        atr.add(130.0, 126.0, 128.0);
        assertThat(atr.value()).isEqualTo(peeked);
    }

    @Test
    void becomesStableAfterMoreThanPeriodCandles() {
        WilderAtr atr = new WilderAtr(2);
        atr.add(2, 1, 1.5);
        atr.add(2, 1, 1.5);
        assertThat(atr.isStable()).isFalse();
        atr.add(2, 1, 1.5);
        assertThat(atr.isStable()).isTrue();
    }

    @Test
    void rejectsHighBelowLowAndNonFiniteValues() {
        WilderAtr atr = new WilderAtr(14);
        assertThatThrownBy(() -> atr.add(1.0, 2.0, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> atr.peek(Double.NaN, 1.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WilderAtr(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(atr.count()).isZero();
    }
}
