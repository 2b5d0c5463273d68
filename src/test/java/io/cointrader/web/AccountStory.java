package io.cointrader.web;

import static io.cointrader.testing.LiveAccountStory.dec;
import static io.cointrader.testing.LiveAccountStory.fill;
import static io.cointrader.testing.LiveAccountStory.filled;
import static io.cointrader.testing.LiveAccountStory.order;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.StateStore;
import io.cointrader.state.TickRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two days of a paper account, written through the store's write methods. The profit and loss it
 * implies is worked out by hand in {@code ReadEndpointsTest}:
 *
 * <pre>
 * BTC buy  0.01  @ 90,000,000 fee 450  cost   900,450             held 0.01
 * BTC buy  0.01  @100,000,000 fee 500  cost 1,900,950             held 0.02 (avg 95,047,500)
 * BTC sell 0.01  @ 98,000,000 fee 490  980,000 − 950,475 − 490   = 29,035   (Feb 29)
 * ETH buy  0.5   @  4,000,000 fee 1000 cost 2,001,000             held 0.5
 * BTC sell 0.005 @ 96,000,000 fee 240  480,000 − 475,237.5 − 240 = 4,522.5  (Mar 1)
 * </pre>
 */
final class AccountStory {

    static final Symbol BTC = Symbol.parse("BTC/KRW");
    static final Symbol ETH = Symbol.parse("ETH/KRW");
    static final Instant BUY1 = Instant.parse("2024-02-29T10:00:00Z");
    static final Instant BUY2 = Instant.parse("2024-02-29T12:00:00Z");
    static final Instant SELL1 = Instant.parse("2024-02-29T20:00:00Z");
    static final Instant YESTERDAY_CLOSE = Instant.parse("2024-02-29T23:00:00Z");
    static final Instant ETH_BUY = Instant.parse("2024-03-01T01:00:00Z");
    static final Instant SELL2 = Instant.parse("2024-03-01T03:00:00Z");
    static final Instant NOW = Instant.parse("2024-03-01T05:00:00Z");

    private AccountStory() {}

    static void tell(StateStore store) {
        filled(store, "o-buy1", BTC, Side.BUY, "90000000", "0.01", "450", BUY1);
        filled(store, "o-buy2", BTC, Side.BUY, "100000000", "0.01", "500", BUY2);
        filled(store, "o-sell1", BTC, Side.SELL, "98000000", "0.01", "490", SELL1);
        Order eth = new Order(
                "o-eth",
                "uuid-o-eth",
                "intent-o-eth",
                ETH,
                Side.BUY,
                OrderType.MARKET,
                null,
                dec("0.5"),
                dec("0.5"),
                OrderStatus.FILLED,
                null,
                ETH_BUY,
                ETH_BUY);
        store.recordOrderUpdate(eth, List.of(fill("o-eth", ETH, Side.BUY, "4000000", "0.5", "1000", ETH_BUY)), null);
        Order sell2 =
                order("o-sell2", BTC, Side.SELL, "96000000", "0.01", "0.005", OrderStatus.PARTIALLY_FILLED, SELL2);
        store.recordOrderUpdate(
                sell2, List.of(fill("o-sell2", BTC, Side.SELL, "96000000", "0.005", "240", SELL2)), null);
        Instant openAt = Instant.parse("2024-03-01T04:00:00Z");
        store.recordOrderUpdate(
                order("o-open", BTC, Side.BUY, "95000000", "0.002", "0", OrderStatus.OPEN, openAt), List.of(), null);

        store.saveAccountSnapshot(new AccountSnapshot(
                balances(YESTERDAY_CLOSE, "2500000", "0", "0.01", "0"), List.of(), dec("3500000"), YESTERDAY_CLOSE));
        store.saveAccountSnapshot(new AccountSnapshot(
                balances(NOW, "1000000", "50000", "0.005", "0.5"),
                List.of(
                        new Position(BTC, dec("0.005"), dec("95047500")),
                        new Position(ETH, dec("0.5"), dec("4002000")),
                        new Position(Symbol.parse("XRP/KRW"), BigDecimal.ZERO, BigDecimal.ZERO)),
                dec("3585000"),
                NOW));
        store.recordDayStartEquity(LocalDate.parse("2024-02-29"), dec("3400000"), BUY1);
        store.recordDayStartEquity(LocalDate.parse("2024-03-01"), dec("3550000"), ETH_BUY);
        store.putMeta(MetaKeys.PAPER_INITIAL_KRW, "3000000");
        store.putMeta(MetaKeys.REPLAY_CLOCK, NOW.toString());
        store.recordTick(
                new TickRecord(BTC, NOW, Instant.parse("2024-03-01T05:59:00Z"), "HOLD", dec("97000000"), "no signal"));

        decisions(store);
        store.saveSafetyEvent(new SafetyEvent(
                SafetyEventType.PRICE_ANOMALY,
                Severity.HIGH,
                BTC,
                "price jumped",
                Map.of("change_pct", "10.5"),
                Instant.parse("2024-03-01T04:30:00Z")));
        store.saveSafetyEvent(new SafetyEvent(
                SafetyEventType.KILL_SWITCH_ACTIVATED,
                Severity.CRITICAL,
                null,
                "kill switch activated",
                Map.of(),
                Instant.parse("2024-03-01T04:45:00Z")));
    }

    private static void decisions(StateStore store) {
        store.saveRiskDecision(new RiskDecisionRecord(
                "intent-o-sell2",
                BTC,
                Side.SELL,
                dec("480000"),
                RiskDecision.APPROVED,
                "ALL",
                "within limits",
                Instant.parse("2024-03-01T02:59:00Z")));
        strategy(store, BTC, SELL2, Map.of("price", 96000000.0, "rsi", 55.0));
        strategy(
                store,
                BTC,
                Instant.parse("2024-03-01T04:00:00Z"),
                Map.of("price", 96500000.0, "fast_ema", 96200000.5, "slow_ema", 96100000.0));
        strategy(
                store,
                ETH,
                Instant.parse("2024-03-01T04:30:00Z"),
                Map.of("price", 4002000.0, "fast_ema", 4001000.0, "slow_ema", 4000000.0));
        strategy(store, BTC, NOW, Map.of("price", 97000000.0, "fast_ema", 96400000.0, "slow_ema", 96150000.0));
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("confidence", 0.7);
        advice.put("risk_notes", "");
        store.saveDecisionEvent("llm_advice", "BTC/KRW", "HOLD", "market calm", advice, NOW.plusSeconds(30));
    }

    private static void strategy(StateStore store, Symbol symbol, Instant time, Map<String, Double> details) {
        store.saveDecisionEvent("strategy", symbol.toString(), "HOLD", "no cross", details, time);
    }

    private static BalanceSnapshot balances(Instant time, String krwFree, String krwLocked, String btc, String eth) {
        Map<String, Balance> balances = new LinkedHashMap<>();
        balances.put("KRW", new Balance("KRW", dec(krwFree), dec(krwLocked)));
        balances.put("BTC", new Balance("BTC", dec(btc), BigDecimal.ZERO));
        balances.put("ETH", new Balance("ETH", dec(eth), BigDecimal.ZERO));
        return new BalanceSnapshot(balances, time);
    }
}
