package io.cointrader.sim;

import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small synthetic history with prices that are easy to follow.
 *
 * <p>KRW-BTC: 48 hours from {@link #T0}, every hour open 100,000,000, low 99,000,000, high
 * 101,000,000, close 100,000,000, volume 1. The replay path of such an hour runs open -> low -> high
 * -> close over thirds: minute m of the first 20 is at 100,000,000 - 50,000 x m (99,500,000 at
 * minute 10), then it climbs to 101,000,000 at minute 40.
 *
 * <p>KRW-ETH: flat at 5,000,000, volume 10, with hours 10 and 11 missing (a gap).
 */
final class SimFixtures {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Symbol BTC = Symbol.parse("BTC/KRW");
    static final Symbol ETH = Symbol.parse("ETH/KRW");
    static final TestAccount ALICE = new TestAccount("alice-access-key", "alice-secret-key-0123456789abcdefghijklmn");
    static final TestAccount BOB = new TestAccount("bob-access-key", "bob-secret-key-0123456789abcdefghijklmnopq");
    static final String INITIAL_KRW = "10000000";

    private SimFixtures() {}

    record TestAccount(String accessKey, String secret) {}

    static History history() {
        List<Candle> btc = new ArrayList<>();
        List<Candle> eth = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            Instant open = T0.plus(Duration.ofHours(h));
            btc.add(candle(open, "100000000", "101000000", "99000000", "100000000", "1"));
            if (h != 10 && h != 11) {
                eth.add(candle(open, "5000000", "5000000", "5000000", "5000000", "10"));
            }
        }
        return History.of(Map.of(BTC, btc, ETH, eth));
    }

    /**
     * Alice and Bob with 10,000,000 KRW each, unlimited rate budgets, Upbit's fee; {@code clock} is both
     * the market time and the wall clock, so the times the simulator stamps are market times here.
     */
    static SimulatorConfig.Builder config(ReplayClock clock) {
        return SimulatorConfig.builder(history(), SimClock.fixed(clock))
                .wallClock(clock)
                .account(ALICE.accessKey(), SimAccount.of(ALICE.secret(), INITIAL_KRW))
                .account(BOB.accessKey(), SimAccount.of(BOB.secret(), INITIAL_KRW))
                .rateLimits(RateLimits.unlimited());
    }

    private static Candle candle(Instant open, String o, String h, String l, String c, String v) {
        return new Candle(
                open, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c), new BigDecimal(v));
    }
}
