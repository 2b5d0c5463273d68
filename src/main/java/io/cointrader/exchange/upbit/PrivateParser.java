package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.UpbitJson.array;
import static io.cointrader.exchange.upbit.UpbitJson.decimal;
import static io.cointrader.exchange.upbit.UpbitJson.malformed;
import static io.cointrader.exchange.upbit.UpbitJson.object;
import static io.cointrader.exchange.upbit.UpbitJson.optionalDecimal;
import static io.cointrader.exchange.upbit.UpbitJson.optionalOffsetTime;
import static io.cointrader.exchange.upbit.UpbitJson.text;
import static io.cointrader.exchange.upbit.UpbitJson.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.OrderChance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsers of the exchange (private) responses, upbit-api.md section 2. Numbers are accepted as JSON
 * strings (Upbit's habit here) or numbers; anything unreadable is an {@link
 * ExchangeUnavailableException}.
 */
final class PrivateParser {

    private PrivateParser() {}

    /** {@code /v1/accounts}: one balance per currency. */
    static List<AccountBalance> accounts(byte[] body) {
        List<AccountBalance> out = new ArrayList<>();
        for (JsonNode entry : array(UpbitJson.read(body, "accounts"), "accounts")) {
            object(entry, "accounts");
            out.add(new AccountBalance(
                    text(entry, "currency", "accounts"),
                    decimal(entry, "balance", "accounts"),
                    decimal(entry, "locked", "accounts"),
                    optionalDecimal(entry, "avg_buy_price", "accounts"),
                    textOr(entry, "unit_currency", null)));
        }
        return out;
    }

    /** {@code /v1/orders/chance}: one object; {@code market.id}, when present, must be {@code symbol}. */
    static OrderChance chance(byte[] body, Symbol symbol) {
        JsonNode root = object(UpbitJson.read(body, "chance"), "chance");
        JsonNode market = member(root, "market", "chance");
        String id = textOr(market, "id", symbol.marketCode());
        if (!id.equals(symbol.marketCode())) {
            throw malformed("chance", "answer is for another market");
        }
        return new OrderChance(
                symbol,
                decimal(root, "bid_fee", "chance"),
                decimal(root, "ask_fee", "chance"),
                decimal(member(market, "bid", "chance"), "min_total", "chance"),
                decimal(member(market, "ask", "chance"), "min_total", "chance"),
                optionalDecimal(market, "max_total", "chance"),
                textOr(market, "state", ""));
    }

    /** A single order object (section 2.4), with its {@code trades} when the answer has them. */
    static ExchangeOrder order(byte[] body) {
        return order(UpbitJson.read(body, "order"));
    }

    /** A list of order objects, e.g. {@code /v1/orders/open}. */
    static List<ExchangeOrder> orders(byte[] body) {
        List<ExchangeOrder> out = new ArrayList<>();
        for (JsonNode entry : array(UpbitJson.read(body, "orders"), "orders")) {
            out.add(order(entry));
        }
        return out;
    }

    private static ExchangeOrder order(JsonNode node) {
        object(node, "order");
        return new ExchangeOrder(
                text(node, "uuid", "order"),
                textOr(node, "identifier", null),
                symbol(text(node, "market", "order")),
                side(text(node, "side", "order")),
                textOr(node, "ord_type", null),
                optionalDecimal(node, "price", "order"),
                text(node, "state", "order"),
                optionalDecimal(node, "volume", "order"),
                optionalDecimal(node, "remaining_volume", "order"),
                decimal(node, "executed_volume", "order"),
                optionalDecimal(node, "paid_fee", "order"),
                optionalOffsetTime(node, "created_at", "order"),
                trades(node));
    }

    private static List<ExchangeOrder.Trade> trades(JsonNode order) {
        JsonNode trades = order.get("trades");
        if (trades == null || trades.isNull()) {
            return List.of();
        }
        List<ExchangeOrder.Trade> out = new ArrayList<>();
        for (JsonNode t : array(trades, "order trade")) {
            object(t, "order trade");
            BigDecimal price = decimal(t, "price", "order trade");
            BigDecimal volume = decimal(t, "volume", "order trade");
            BigDecimal funds = optionalDecimal(t, "funds", "order trade");
            out.add(new ExchangeOrder.Trade(
                    textOr(t, "uuid", null),
                    price,
                    volume,
                    funds == null ? price.multiply(volume) : funds,
                    optionalOffsetTime(t, "created_at", "order trade")));
        }
        return out;
    }

    private static Side side(String side) {
        return switch (side) {
            case "bid" -> Side.BUY;
            case "ask" -> Side.SELL;
            default -> throw malformed("order", "side is neither bid nor ask");
        };
    }

    private static Symbol symbol(String code) {
        try {
            return Symbol.fromMarketCode(code);
        } catch (IllegalArgumentException e) {
            throw malformed("order", "market is not a pair code");
        }
    }

    private static JsonNode member(JsonNode parent, String field, String what) {
        JsonNode child = parent.get(field);
        if (child == null || !child.isObject()) {
            throw malformed(what, field + " missing or not an object");
        }
        return child;
    }
}
