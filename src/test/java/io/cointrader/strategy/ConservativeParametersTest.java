package io.cointrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConservativeParametersTest {

    @Test
    void defaultsAreTheSpecifiedOnes() {
        assertThat(ConservativeParameters.defaults())
                .isEqualTo(new ConservativeParameters(12, 26, 14, 14, 0.03, 0.6, 20));
    }

    @Test
    void rejectsParametersThatMakeNoSense() {
        assertThatThrownBy(() -> new ConservativeParameters(26, 12, 14, 14, 0.03, 0.6, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fastPeriod");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 0, 14, 0.03, 0.6, 20))
                .hasMessageContaining("atrPeriod");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 14, 0, 0.03, 0.6, 20))
                .hasMessageContaining("rsiPeriod");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 14, 14, 0.0, 0.6, 20))
                .hasMessageContaining("volatilityThreshold");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 14, 14, 0.03, 1.1, 20))
                .hasMessageContaining("minConfidence");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 14, 14, 0.03, Double.NaN, 20))
                .hasMessageContaining("minConfidence");
        assertThatThrownBy(() -> new ConservativeParameters(12, 26, 14, 14, 0.03, 0.6, 0))
                .hasMessageContaining("volumeWindow");
    }
}
