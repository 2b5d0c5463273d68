package io.cointrader.exchange.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayFaultsTest {

    private static final History BUNDLED = History.bundled();
    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private static final Symbol ETH = Symbol.parse("ETH/KRW");
    private static final Symbol SOL = Symbol.parse("SOL/KRW");

    private final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T02:59:00Z"));
    private final ReplayFaults faults = new ReplayFaults();
    private final ReplayExchange exchange = new ReplayExchange(BUNDLED, clock, faults);

    @Test
    void injectedTickerFailuresAreUsedUpOneCallAtATime() {
        faults.failNextTickers(2);

        assertThatThrownBy(() -> exchange.ticker(BTC)).isInstanceOf(ExchangeUnavailableException.class);
        assertThatThrownBy(() -> exchange.ticker(ETH)).isInstanceOf(ExchangeUnavailableException.class);
        assertThat(exchange.ticker(BTC).price()).isPositive();
    }

    @Test
    void injectedCandleFailureAffectsOnlyTheNextCall() {
        faults.failNextCandles(1);

        assertThatThrownBy(() -> exchange.candles(BTC, 60, 10))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("injected");
        assertThat(exchange.candles(BTC, 60, 10)).hasSize(10);
    }

    @Test
    void overriddenPriceIsServedOnceWithQuotesAroundIt() {
        BigDecimal normal = exchange.ticker(BTC).price();
        BigDecimal eth = exchange.ticker(ETH).price();
        BigDecimal spike = normal.multiply(new BigDecimal("1.2")).setScale(0);
        faults.overrideNextPrice(BTC, spike);

        MarketData overridden = exchange.ticker(BTC);

        assertThat(overridden.price()).isEqualByComparingTo(spike);
        assertThat(overridden.high()).isEqualByComparingTo(spike);
        assertThat(overridden.ask()).isGreaterThan(spike);
        assertThat(exchange.ticker(ETH).price()).isEqualByComparingTo(eth);
        assertThat(exchange.ticker(BTC).price()).isEqualByComparingTo(normal);
    }

    @Test
    void withoutScriptedFaultsEveryCallSucceeds() {
        ReplayExchange plain = new ReplayExchange(BUNDLED, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(plain.ticker(SOL).price()).isPositive();
            assertThat(plain.candles(SOL, 60, 200)).isNotEmpty();
        }
    }

    @Test
    void refusesNegativeCountsAndNonPositivePrices() {
        assertThatThrownBy(() -> faults.failNextTickers(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.overrideNextPrice(BTC, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
