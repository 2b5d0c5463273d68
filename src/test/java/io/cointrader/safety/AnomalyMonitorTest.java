package io.cointrader.safety;

import static io.cointrader.safety.Ticks.BTC;
import static io.cointrader.safety.Ticks.ETH;
import static io.cointrader.safety.Ticks.T0;
import static io.cointrader.safety.Ticks.price;
import static io.cointrader.safety.Ticks.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnomalyMonitorTest {

    private final MutableClock clock = new MutableClock(T0);
    private final AnomalyMonitor monitor =
            new AnomalyMonitor(5, BigDecimal.valueOf(10), BigDecimal.valueOf(5), new BigDecimal("1.0"), clock);

    @Nested
    class ApiFailures {

        @Test
        void reportsTheThresholdAtTheFifthConsecutiveFailureAndAfter() {
            for (int i = 1; i <= 4; i++) {
                assertThat(monitor.recordApiFailure(BTC, "timeout"))
                        .as("failure %d", i)
                        .isFalse();
            }

            assertThat(monitor.recordApiFailure(BTC, "timeout")).isTrue();
            assertThat(monitor.recordApiFailure(BTC, "timeout")).isTrue();
            assertThat(monitor.consecutiveFailures()).isEqualTo(6);
        }

        @Test
        void successEndsTheStreak() {
            for (int i = 0; i < 4; i++) {
                monitor.recordApiFailure(BTC, "timeout");
            }
            monitor.recordApiSuccess();

            assertThat(monitor.consecutiveFailures()).isZero();
            assertThat(monitor.recordApiFailure(BTC, "timeout")).isFalse();
        }

        @Test
        void thresholdEventNamesTheStreakAndTheLastFailure() {
            for (int i = 0; i < 4; i++) {
                monitor.recordApiFailure(BTC, "timeout");
            }
            clock.advance(Duration.ofMinutes(5));
            monitor.recordApiFailure(ETH, "  HTTP 503\nservice unavailable ");

            SafetyEvent event = monitor.apiFailureThresholdEvent();

            assertThat(event.type()).isEqualTo(SafetyEventType.API_FAILURE_THRESHOLD);
            assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(event.symbol()).isEqualTo(ETH);
            assertThat(event.time()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(event.details())
                    .isEqualTo(Map.of(
                            "consecutive_failures", "5",
                            "threshold", "5",
                            "last_error", "HTTP 503 service unavailable"));
            assertThat(event.message())
                    .isEqualTo("5 consecutive exchange API failures (threshold 5); last: HTTP 503 service unavailable");
        }

        @Test
        void shortensLongErrorMessages() {
            monitor.recordApiFailure(null, "x".repeat(1000));

            SafetyEvent event = monitor.apiFailureThresholdEvent();

            assertThat(event.details().get("last_error")).hasSize(203).endsWith("...");
            assertThat(event.symbol()).isNull();
        }

        @Test
        void rejectsThresholdBelowOne() {
            assertThatThrownBy(() -> new AnomalyMonitor(0, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, clock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("API failure threshold");
        }
    }

    @Nested
    class PriceJumps {

        @Test
        void firstTickOfASymbolHasNothingToCompare() {
            assertThat(monitor.checkPrice(price(BTC, "100"))).isEmpty();
        }

        @Test
        void flagsAJumpOfExactlyTheThreshold() {
            monitor.checkPrice(price(BTC, "100"));
            clock.advance(Duration.ofSeconds(60));

            SafetyEvent event = monitor.checkPrice(price(BTC, "110")).orElseThrow();

            assertThat(event.type()).isEqualTo(SafetyEventType.PRICE_ANOMALY);
            assertThat(event.severity()).isEqualTo(Severity.HIGH);
            assertThat(event.symbol()).isEqualTo(BTC);
            assertThat(event.time()).isEqualTo(T0.plusSeconds(60));
            assertThat(event.details())
                    .isEqualTo(
                            Map.of("previous_price", "100", "price", "110", "change_pct", "10", "threshold_pct", "10"));
        }

        @Test
        void flagsADropOfExactlyTheThreshold() {
            monitor.checkPrice(price(BTC, "100"));

            assertThat(monitor.checkPrice(price(BTC, "90")).orElseThrow().details())
                    .containsEntry("change_pct", "-10");
        }

        @Test
        void ignoresAMoveJustBelowTheThreshold() {
            monitor.checkPrice(price(BTC, "100"));

            assertThat(monitor.checkPrice(price(BTC, "109.99"))).isEmpty();
        }

        @Test
        void comparesWithTheLatestPriceOfTheSameSymbolOnly() {
            monitor.checkPrice(price(BTC, "100"));
            monitor.checkPrice(price(ETH, "1000"));
            assertThat(monitor.checkPrice(price(BTC, "120"))).isPresent();

            assertThat(monitor.checkPrice(price(BTC, "125")))
                    .as("compared with 120, not 100")
                    .isEmpty();
            assertThat(monitor.checkPrice(price(ETH, "1050")))
                    .as("compared with ETH's own price")
                    .isEmpty();
        }

        @Test
        void neitherComparesNorRemembersAPriceThatIsNotPositive() {
            monitor.checkPrice(price(BTC, "100"));

            assertThat(monitor.checkPrice(price(BTC, "0"))).isEmpty();
            assertThat(monitor.checkPrice(price(BTC, "101"))).isEmpty();
        }
    }

    @Nested
    class Spreads {

        @Test
        void flagsASpreadOfExactlyTheThreshold() {
            SafetyEvent event = monitor.checkSpread(quoted("97.5", "102.5")).orElseThrow();

            assertThat(event.type()).isEqualTo(SafetyEventType.SPREAD_ANOMALY);
            assertThat(event.severity()).isEqualTo(Severity.HIGH);
            assertThat(event.symbol()).isEqualTo(BTC);
            assertThat(event.details())
                    .isEqualTo(Map.of("bid", "97.5", "ask", "102.5", "spread_pct", "5", "threshold_pct", "5"));
        }

        @Test
        void ignoresASpreadJustBelowTheThreshold() {
            assertThat(monitor.checkSpread(quoted("97.51", "102.49"))).isEmpty();
        }

        @Test
        void flagsACrossedBookByItsWidth() {
            SafetyEvent event = monitor.checkSpread(quoted("110", "100")).orElseThrow();

            assertThat(event.details()).containsEntry("spread_pct", "9.5238");
        }

        @Test
        void staysQuietWithoutQuotes() {
            assertThat(monitor.checkSpread(price(BTC, "100"))).isEmpty();
            assertThat(monitor.checkSpread(quoted("0", "100"))).isEmpty();
        }
    }

    @Nested
    class Balances {

        @Test
        void toleratesADifferenceOfExactlyTheTolerance() {
            assertThat(monitor.checkBalanceMismatch("KRW", new BigDecimal("100000"), new BigDecimal("101000")))
                    .isEmpty();
            assertThat(monitor.checkBalanceMismatch("KRW", new BigDecimal("100000"), new BigDecimal("99000")))
                    .isEmpty();
        }

        @Test
        void flagsADifferenceBeyondTheTolerance() {
            SafetyEvent event = monitor.checkBalanceMismatch(
                            "BTC", new BigDecimal("0.50000000"), new BigDecimal("0.49490000"))
                    .orElseThrow();

            assertThat(event.type()).isEqualTo(SafetyEventType.BALANCE_MISMATCH);
            assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(event.symbol()).isNull();
            assertThat(event.time()).isEqualTo(T0);
            assertThat(event.details())
                    .isEqualTo(Map.of(
                            "currency", "BTC",
                            "expected", "0.5",
                            "actual", "0.4949",
                            "difference", "-0.0051",
                            "difference_pct", "-1.02",
                            "tolerance_pct", "1"));
            assertThat(event.message()).startsWith("BTC balance on the exchange is 0.4949 but 0.5 was expected");
        }

        @Test
        void comparesAnExpectedZeroAgainstOneSatoshi() {
            assertThat(monitor.checkBalanceMismatch("ETH", BigDecimal.ZERO, BigDecimal.ZERO))
                    .isEmpty();
            assertThat(monitor.checkBalanceMismatch("ETH", BigDecimal.ZERO, new BigDecimal("0.001")))
                    .isPresent();
        }
    }
}
