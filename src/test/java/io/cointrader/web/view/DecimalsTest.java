package io.cointrader.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void plainDropsNeedlessZerosAndNeverUsesAnExponent() {
        assertThat(Decimals.plain(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Decimals.plain(new BigDecimal("95000000.00000000"))).isEqualTo("95000000");
        assertThat(Decimals.plain(new BigDecimal("0.00012300"))).isEqualTo("0.000123");
        assertThat(Decimals.plain(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(Decimals.plain(new BigDecimal("-12.50"))).isEqualTo("-12.5");
        assertThat(Decimals.plain(null)).isNull();
    }

    @Test
    void percentHasTwoDecimalsRoundedHalfUp() {
        assertThat(Decimals.percent(new BigDecimal("1"), new BigDecimal("8"))).isEqualTo("12.50");
        assertThat(Decimals.percent(new BigDecimal("-1.25"), new BigDecimal("100")))
                .isEqualTo("-1.25");
        assertThat(Decimals.percent(new BigDecimal("1"), new BigDecimal("3"))).isEqualTo("33.33");
        assertThat(Decimals.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualTo("66.67");
        assertThat(Decimals.percent(new BigDecimal("0.00005"), new BigDecimal("1")))
                .isEqualTo("0.01");
        assertThat(Decimals.percent(new BigDecimal("-0.00005"), new BigDecimal("1")))
                .isEqualTo("-0.01");
        assertThat(Decimals.percent(BigDecimal.ZERO, new BigDecimal("5"))).isEqualTo("0.00");
    }

    @Test
    void percentOfNothingIsUnknown() {
        assertThat(Decimals.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Decimals.percent(null, BigDecimal.ONE)).isNull();
        assertThat(Decimals.percent(BigDecimal.ONE, null)).isNull();
    }
}
