package io.cointrader.safety;

import static io.cointrader.safety.Ticks.BTC;
import static io.cointrader.safety.Ticks.T0;
import static io.cointrader.safety.Ticks.withPrevClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker(BigDecimal.valueOf(15));

    @Test
    void tripsAtExactlyTheThresholdAboveThePreviousClose() {
        SafetyEvent event =
                breaker.check(withPrevClose("115000000", "100000000")).orElseThrow();

        assertThat(event.type()).isEqualTo(SafetyEventType.CIRCUIT_BREAKER);
        assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.symbol()).isEqualTo(BTC);
        assertThat(event.time()).isEqualTo(T0);
        assertThat(event.details())
                .isEqualTo(Map.of(
                        "prev_close", "100000000",
                        "price", "115000000",
                        "change_pct", "15",
                        "threshold_pct", "15"));
        assertThat(event.message()).contains("BTC/KRW moved 15%").contains("skipped");
    }

    @Test
    void tripsAtExactlyTheThresholdBelowThePreviousClose() {
        SafetyEvent event = breaker.check(withPrevClose("85", "100")).orElseThrow();

        assertThat(event.details()).containsEntry("change_pct", "-15");
    }

    @Test
    void staysQuietJustInsideTheThreshold() {
        assertThat(breaker.check(withPrevClose("114.99", "100"))).isEmpty();
        assertThat(breaker.check(withPrevClose("85.01", "100"))).isEmpty();
    }

    @Test
    void staysQuietWithoutAPreviousClose() {
        assertThat(breaker.check(withPrevClose("200", "0"))).isEmpty();
        assertThat(breaker.check(Ticks.price(BTC, "200"))).isEmpty();
    }

    @Test
    void holdsNoStateBetweenTicks() {
        assertThat(breaker.check(withPrevClose("130", "100"))).isPresent();
        assertThat(breaker.check(withPrevClose("101", "100"))).isEmpty();
    }

    @Test
    void rejectsThresholdThatIsNotPositive() {
        assertThatThrownBy(() -> new CircuitBreaker(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("circuit breaker threshold");
    }
}
