package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PairRulesTest {

    private static final Symbol BTC = Symbol.parse("BTC/KRW");
    private final ReplayClock clock = new ReplayClock(Instant.parse("2026-11-25T00:00:00Z"));

    @Test
    void usesTheExchangesTickButNeverOneFinerThanTheTableForTheCurrentPrice() {
        PairRules rules = new PairRules(
                new PairRules.Source(
                        s -> Map.of(BTC, new BigDecimal("500")),
                        s -> new BigDecimal("5000"),
                        s -> new BigDecimal("5000")),
                List.of(BTC),
                clock);

        assertThat(rules.tick(BTC, new BigDecimal("900000"))).isEqualByComparingTo("500");
        assertThat(rules.tick(BTC, new BigDecimal("150000000"))).isEqualByComparingTo("1000");
    }

    @Test
    void fallsBackToTheTableAndFiveThousandWonWhenTheExchangeFails() {
        PairRules rules = new PairRules(
                new PairRules.Source(
                        s -> {
                            throw new IllegalStateException("down");
                        },
                        s -> {
                            throw new IllegalStateException("down");
                        },
                        s -> new BigDecimal("6000")),
                List.of(BTC),
                clock);

        assertThat(rules.tick(BTC, new BigDecimal("3333"))).isEqualByComparingTo("1");
        assertThat(rules.minTotal(BTC, Side.BUY)).isEqualByComparingTo("5000");
    }

    @Test
    void reloadsOnceADay() {
        AtomicInteger loads = new AtomicInteger();
        PairRules rules = new PairRules(
                new PairRules.Source(
                        s -> {
                            loads.incrementAndGet();
                            return Map.of();
                        },
                        s -> new BigDecimal("5000"),
                        s -> new BigDecimal("7000")),
                List.of(BTC),
                clock);

        rules.tick(BTC, BigDecimal.TEN);
        clock.advance(Duration.ofHours(23));
        rules.tick(BTC, BigDecimal.TEN);
        clock.advance(Duration.ofHours(2));
        rules.tick(BTC, BigDecimal.TEN);

        assertThat(loads).hasValue(2);
        assertThat(rules.minTotal(BTC, Side.SELL)).isEqualByComparingTo("7000");
    }
}
