package io.cointrader.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The double screens of the circuit breaker and the price anomaly check never wave through what the
 * exact check would catch: a false from a screen means the exact check finds nothing. Prices include
 * the exact threshold and its neighbours, where rounding would show.
 */
class ScreenProperties {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    record Move(BigDecimal from, BigDecimal to, BigDecimal thresholdPct) {}

    @Property(tries = 5000)
    void aQuietCircuitBreakerScreenMeansTheBreakerDoesNotTrip(@ForAll("moves") Move m) {
        CircuitBreaker breaker = new CircuitBreaker(m.thresholdPct());
        MarketData md = new MarketData(BTC, m.to(), null, null, null, null, m.from(), null, null, NOW);

        if (!breaker.mayTrip(m.to().doubleValue(), m.from().doubleValue())) {
            assertThat(breaker.check(md)).isEmpty();
        }
    }

    @Property(tries = 5000)
    void aQuietPriceScreenMeansNoPriceAnomaly(@ForAll("moves") Move m) {
        AnomalyMonitor monitor = new AnomalyMonitor(
                5, m.thresholdPct(), BigDecimal.TEN, BigDecimal.ONE, Clock.fixed(NOW, ZoneOffset.UTC));
        monitor.checkPrice(new MarketData(BTC, m.from(), null, null, null, null, null, null, null, NOW));
        MarketData md = new MarketData(BTC, m.to(), null, null, null, null, null, null, null, NOW);

        if (!monitor.mayFlagPrice(m.to().doubleValue(), m.from().doubleValue())) {
            assertThat(monitor.checkPrice(md)).isEmpty();
        }
    }

    @Property(tries = 2000)
    void theScreensCatchEveryMoveAtOrBeyondTheThreshold(@ForAll("moves") Move m) {
        CircuitBreaker breaker = new CircuitBreaker(m.thresholdPct());
        MarketData md = new MarketData(BTC, m.to(), null, null, null, null, m.from(), null, null, NOW);

        if (breaker.check(md).isPresent()) {
            assertThat(breaker.mayTrip(m.to().doubleValue(), m.from().doubleValue()))
                    .isTrue();
        }
    }

    @Provide
    Arbitrary<Move> moves() {
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("5000000000"))
                .ofScale(4);
        Arbitrary<BigDecimal> pct = Arbitraries.of("0.01", "1", "3", "10", "12.5", "15", "33.333", "99")
                .map(BigDecimal::new);
        Arbitrary<Move> random = Combinators.combine(price, price, pct).as(Move::new);
        Arbitrary<Move> atThreshold = Combinators.combine(price, pct, Arbitraries.of(-2, -1, 0, 1, 2))
                .as((from, p, ulps) -> {
                    BigDecimal to = from.add(from.multiply(p).movePointLeft(2));
                    return new Move(from, to.add(new BigDecimal(ulps).movePointLeft(12)), p);
                });
        return Arbitraries.oneOf(random, atThreshold);
    }
}
