package io.cointrader.sim;

import static io.cointrader.sim.SimJson.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.util.List;

/** Exchange-API bodies (upbit-api.md section 2): every number a string, times in KST. */
final class OrderJson {

    private OrderJson() {}

    /**
     * The order object. {@code trades[]} only for a single-order look-up and {@code executed_funds}
     * only in lists, as Upbit does.
     */
    static ObjectNode order(SimOrder o, boolean withTrades, boolean withExecutedFunds) {
        ObjectNode node = SimJson.object();
        node.put("uuid", o.uuid());
        node.put("side", o.side().upbitName());
        node.put("ord_type", "limit");
        node.put("price", text(o.price()));
        node.put("state", o.state());
        node.put("market", o.symbol().marketCode());
        node.put("created_at", SimJson.kst(o.createdAt()));
        node.put("volume", text(o.volume()));
        node.put("remaining_volume", text(o.remainingVolume()));
        node.put("reserved_fee", text(o.reservedFee()));
        node.put("remaining_fee", text(o.remainingFee()));
        node.put("paid_fee", text(o.paidFee()));
        node.put("locked", text(o.locked()));
        node.put("executed_volume", text(o.executedVolume()));
        if (withExecutedFunds) {
            node.put("executed_funds", text(o.executedFunds()));
        }
        node.put("trades_count", o.trades().size());
        if (o.identifier() != null) {
            node.put("identifier", o.identifier());
        }
        node.put("prevented_volume", "0");
        node.put("prevented_locked", "0");
        if (withTrades) {
            ArrayNode trades = node.putArray("trades");
            o.trades().forEach(t -> trades.add(trade(t)));
        }
        return node;
    }

    static ArrayNode orders(List<SimOrder> orders) {
        ArrayNode array = SimJson.array();
        orders.forEach(o -> array.add(order(o, false, true)));
        return array;
    }

    /** {@code /v1/accounts}: KRW always, other currencies while something is held. */
    static ArrayNode accounts(List<SimBalance> balances) {
        ArrayNode array = SimJson.array();
        balances.stream()
                .filter(b -> b.currency().equals(Wallet.KRW) || b.total().signum() > 0)
                .forEach(b -> array.add(account(b)));
        return array;
    }

    /** {@code /v1/orders/chance} for a limit-only simulator (upbit-api.md section 2.2). */
    static ObjectNode chance(Symbol symbol, BigDecimal feeRate, SimBalance krw, SimBalance base) {
        ObjectNode node = SimJson.object();
        String fee = text(feeRate);
        node.put("bid_fee", fee);
        node.put("ask_fee", fee);
        node.put("maker_bid_fee", fee);
        node.put("maker_ask_fee", fee);
        ObjectNode market = node.putObject("market");
        market.put("id", symbol.marketCode());
        market.put("name", symbol.base() + "/" + symbol.quote());
        market.putArray("order_types").add("limit");
        market.putArray("order_sides").add("ask").add("bid");
        market.putArray("bid_types").add("limit");
        market.putArray("ask_types").add("limit");
        ObjectNode bid = market.putObject("bid");
        bid.put("currency", symbol.quote());
        bid.put("min_total", text(TickSize.KRW_MIN_ORDER_TOTAL));
        ObjectNode ask = market.putObject("ask");
        ask.put("currency", symbol.base());
        ask.put("min_total", text(TickSize.KRW_MIN_ORDER_TOTAL));
        market.put("max_total", text(OrderForm.MAX_TOTAL));
        market.put("state", "active");
        node.set("bid_account", account(krw));
        node.set("ask_account", account(base));
        return node;
    }

    private static ObjectNode account(SimBalance b) {
        ObjectNode node = SimJson.object();
        node.put("currency", b.currency());
        node.put("balance", text(b.balance()));
        node.put("locked", text(b.locked()));
        node.put("avg_buy_price", text(b.avgBuyPrice()));
        node.put("avg_buy_price_modified", b.currency().equals(Wallet.KRW));
        node.put("unit_currency", Wallet.KRW);
        return node;
    }

    private static ObjectNode trade(SimTrade t) {
        ObjectNode node = SimJson.object();
        node.put("market", t.symbol().marketCode());
        node.put("uuid", t.uuid());
        node.put("price", text(t.price()));
        node.put("volume", text(t.volume()));
        node.put("funds", text(t.funds()));
        node.put("trend", t.priceRose() ? "up" : "down");
        node.put("side", t.side().upbitName());
        node.put("created_at", SimJson.kst(t.createdAt()));
        return node;
    }
}
