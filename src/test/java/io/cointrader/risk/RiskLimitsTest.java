package io.cointrader.risk;

import static io.cointrader.risk.RiskFixtures.BTC;
import static io.cointrader.risk.RiskFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {

    @Test
    void defaultsAreTheSpecifiedValues() {
        RiskLimits limits = RiskLimits.defaults();

        assertThat(limits.maxPositionSizePct()).isEqualByComparingTo("10");
        assertThat(limits.maxPositions()).isEqualTo(5);
        assertThat(limits.dailyMaxDrawdownPct()).isEqualByComparingTo("5");
        assertThat(limits.maxOrdersPerSecond()).isEqualTo(1);
        assertThat(limits.maxOrdersPerDay()).isEqualTo(100);
        assertThat(limits.maxSlippageBps()).isEqualTo(50);
        assertThat(limits.allowMarketOrders()).isFalse();
        assertThat(limits.futuresEnabled()).isFalse();
        assertThat(limits.maxLeverage()).isEqualTo(1);
    }

    @Test
    void rejectsLimitsOutsideTheirRange() {
        BigDecimal ten = BigDecimal.TEN;
        BigDecimal five = BigDecimal.valueOf(5);
        assertInvalid(
                () -> new RiskLimits(BigDecimal.ZERO, 5, five, 1, 100, 50, false, false, 1), "maxPositionSizePct");
        assertInvalid(() -> new RiskLimits(bd("100.01"), 5, five, 1, 100, 50, false, false, 1), "maxPositionSizePct");
        assertInvalid(() -> new RiskLimits(ten, 0, five, 1, 100, 50, false, false, 1), "maxPositions");
        assertInvalid(() -> new RiskLimits(ten, 5, bd("-1"), 1, 100, 50, false, false, 1), "dailyMaxDrawdownPct");
        assertInvalid(() -> new RiskLimits(ten, 5, five, 0, 100, 50, false, false, 1), "maxOrdersPerSecond");
        assertInvalid(() -> new RiskLimits(ten, 5, five, 1, 0, 50, false, false, 1), "maxOrdersPerDay");
        assertInvalid(() -> new RiskLimits(ten, 5, five, 1, 100, -1, false, false, 1), "maxSlippageBps");
        assertInvalid(() -> new RiskLimits(ten, 5, five, 1, 100, 50, false, false, 0), "maxLeverage");
    }

    @Test
    void riskStateCopiesHeldSymbolsAndRejectsImpossibleValues() {
        Set<Symbol> held = new HashSet<>(Set.of(BTC));
        RiskState state = new RiskState(bd("1"), bd("1"), bd("1"), bd("0"), bd("0"), bd("0"), held, 0, 0);
        held.clear();

        assertThat(state.heldSymbols()).containsExactly(BTC);
        assertInvalid(
                () -> new RiskState(bd("1"), bd("1"), bd("0"), bd("0"), bd("0"), bd("0"), Set.of(), 0, 0),
                "marketPrice");
        assertInvalid(
                () -> new RiskState(bd("1"), bd("1"), bd("1"), bd("-1"), bd("0"), bd("0"), Set.of(), 0, 0),
                "positionQuantity");
        assertInvalid(
                () -> new RiskState(bd("1"), bd("1"), bd("1"), bd("0"), bd("0"), bd("0"), Set.of(), -1, 0),
                "order counts");
    }

    private static void assertInvalid(Runnable construction, String named) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
