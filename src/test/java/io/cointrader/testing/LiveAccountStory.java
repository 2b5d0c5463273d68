package io.cointrader.testing;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
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
 * A live Upbit account whose exchange holds more than the trader bought, written through the store's
 * write methods. Worked out by hand (prices of the ticks at {@link #NOW}: BTC 97,000,000, ETH 4,000,000,
 * XRP 700; no DOGE tick):
 *
 * <pre>
 * exchange  KRW  1,000,000 free + 190,000 locked (the open BTC buy)
 *           BTC  0.015 free + 0.005 locked = 0.02   own 0.01 @ 90,045,000, external 0.01 (970,000 KRW)
 *           XRP  0.5                                own 0.5 @ 800.4: worth 350 &lt; 5,000, dust
 *           ETH  0.3                                external (1,200,000 KRW)
 *           DOGE 100                                external, no price
 * equity    1,190,000 + 970,000 + 350 = 2,160,350; day start 2,100,000: today +60,350 (+2.87%)
 * BTC       unrealised 970,000 − 900,450 = +69,550 (+7.72%); XRP 350 − 400.2 = −50.2 (−12.54%)
 * orders    o-open BUY 0.002 BTC @ 95,000,000 (1 h before NOW), o-sell-wait SELL 0.005 BTC @ 99,000,000
 *           with a cancel requested, o-timeout cancelled for its timeout
 * </pre>
 */
public final class LiveAccountStory {

    public static final Symbol BTC = Symbol.parse("BTC/KRW");
    public static final Symbol ETH = Symbol.parse("ETH/KRW");
    public static final Symbol XRP = Symbol.parse("XRP/KRW");
    /** 14:00 KST. */
    public static final Instant NOW = Instant.parse("2024-03-01T05:00:00Z");

    public static final String TIMEOUT_REASON = "cancelled: timeout: BUY open 10 min (BUY_ORDER_TIMEOUT_SEC=600)";
    public static final String CANCEL_REQUESTED =
            "cancel requested: timeout: SELL open 10 min (SELL_ORDER_TIMEOUT_SEC=600)";

    private LiveAccountStory() {}

    /** Writes the account into {@code store}, marked as a live account on Upbit. */
    public static void tell(StateStore store) {
        store.putMeta(MetaKeys.ACCOUNT_MODE, "live");
        store.putMeta(MetaKeys.ACCOUNT_EXCHANGE, "upbit");
        filled(store, "o-btc-buy", BTC, Side.BUY, "90000000", "0.01", "450", at("2024-02-29T10:00:00Z"));
        filled(store, "o-xrp-buy", XRP, Side.BUY, "800", "10", "4", at("2024-02-29T11:00:00Z"));
        filled(store, "o-xrp-sell", XRP, Side.SELL, "820", "9.5", "3.895", at("2024-02-29T12:00:00Z"));
        Order timedOut = order(
                        "o-timeout",
                        BTC,
                        Side.BUY,
                        "94000000",
                        "0.002",
                        "0",
                        OrderStatus.CANCELLED,
                        at("2024-03-01T03:00:00Z"))
                .withStatus(OrderStatus.CANCELLED, TIMEOUT_REASON, at("2024-03-01T03:10:00Z"));
        store.recordOrderUpdate(timedOut, List.of(), null);
        store.recordOrderUpdate(
                order("o-open", BTC, Side.BUY, "95000000", "0.002", "0", OrderStatus.OPEN, at("2024-03-01T04:00:00Z")),
                List.of(),
                null);
        Order sell = order(
                        "o-sell-wait",
                        BTC,
                        Side.SELL,
                        "99000000",
                        "0.005",
                        "0",
                        OrderStatus.OPEN,
                        at("2024-03-01T04:40:00Z"))
                .withStatus(OrderStatus.OPEN, CANCEL_REQUESTED, at("2024-03-01T04:50:00Z"));
        store.recordOrderUpdate(sell, List.of(), null);

        store.recordDayStartEquity(LocalDate.parse("2024-02-29"), dec("2000000"), at("2024-02-29T00:00:00Z"));
        store.recordDayStartEquity(LocalDate.parse("2024-03-01"), dec("2100000"), at("2024-03-01T00:00:00Z"));
        store.saveAccountSnapshot(new AccountSnapshot(
                balances(NOW),
                List.of(new Position(BTC, dec("0.01"), dec("90045000")), new Position(XRP, dec("0.5"), dec("800.4"))),
                dec("2160350"),
                NOW));
        tick(store, BTC, "97000000");
        tick(store, ETH, "4000000");
        tick(store, XRP, "700");
        store.saveSafetyEvent(new SafetyEvent(
                SafetyEventType.PRICE_ANOMALY,
                Severity.HIGH,
                BTC,
                "price jumped",
                Map.of("change_pct", "10.5"),
                at("2024-03-01T04:30:00Z")));
    }

    private static BalanceSnapshot balances(Instant time) {
        Map<String, Balance> balances = new LinkedHashMap<>();
        balances.put("KRW", new Balance("KRW", dec("1000000"), dec("190000")));
        balances.put("BTC", new Balance("BTC", dec("0.015"), dec("0.005")));
        balances.put("XRP", new Balance("XRP", dec("0.5"), BigDecimal.ZERO));
        balances.put("ETH", new Balance("ETH", dec("0.3"), BigDecimal.ZERO));
        balances.put("DOGE", new Balance("DOGE", dec("100"), BigDecimal.ZERO));
        return new BalanceSnapshot(balances, time);
    }

    private static void tick(StateStore store, Symbol symbol, String price) {
        store.recordTick(new TickRecord(symbol, NOW, NOW.plusSeconds(2), "HOLD", dec(price), "no signal"));
    }

    /** A filled limit order and its one fill. */
    public static void filled(
            StateStore store, String id, Symbol symbol, Side side, String price, String qty, String fee, Instant at) {
        Order order = order(id, symbol, side, price, qty, qty, OrderStatus.FILLED, at);
        store.recordOrderUpdate(order, List.of(fill(id, symbol, side, price, qty, fee, at)), null);
    }

    /** A limit order created and last updated at {@code at}, without a status reason. */
    public static Order order(
            String id,
            Symbol symbol,
            Side side,
            String price,
            String qty,
            String filled,
            OrderStatus status,
            Instant at) {
        return new Order(
                id,
                "uuid-" + id,
                "intent-" + id,
                symbol,
                side,
                OrderType.LIMIT,
                dec(price),
                dec(qty),
                dec(filled),
                status,
                null,
                at,
                at);
    }

    /** The fill {@code fill-<orderId>}, its fee in KRW. */
    public static Fill fill(
            String orderId, Symbol symbol, Side side, String price, String qty, String fee, Instant at) {
        return new Fill("fill-" + orderId, orderId, symbol, side, dec(price), dec(qty), dec(fee), "KRW", at);
    }

    public static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
