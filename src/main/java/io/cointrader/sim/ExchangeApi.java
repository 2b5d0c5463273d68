package io.cointrader.sim;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The exchange (private) endpoints over the {@link Ledger}; callers have verified the JWT. */
final class ExchangeApi {

    private static final int MAX_LIMIT = 100;

    private final Ledger ledger;
    private final KeyExpiries keys;

    ExchangeApi(Ledger ledger, KeyExpiries keys) {
        this.ledger = ledger;
        this.keys = keys;
    }

    /**
     * GET /v1/api_keys: the caller's key and its expiry ({@code access_key}, {@code expire_at} in Korean
     * time with offset). Each simulated key is its own account pocket, so the list has one entry.
     */
    Reply apiKeys(SimRequest request) {
        return Reply.json(200, keys.listJson(request.accessKey()));
    }

    /** GET /v1/accounts. */
    Reply accounts(SimRequest request) {
        return Reply.json(200, OrderJson.accounts(ledger.balances(request.accessKey())));
    }

    /** GET /v1/orders/chance?market=: one object, not an array. */
    Reply chance(SimRequest request) {
        Symbol symbol = market(request.params()).orElseThrow(() -> ApiError.validation("market is missing"));
        List<SimBalance> balances = ledger.balances(request.accessKey());
        return Reply.json(
                200,
                OrderJson.chance(
                        symbol, ledger.feeRate(), balance(balances, symbol.quote()), balance(balances, symbol.base())));
    }

    /** POST /v1/orders: 201 with the order, locked funds included. */
    Reply placeOrder(SimRequest request) {
        SimOrder order = ledger.place(request.accessKey(), request.params(), request.marketTime());
        return Reply.json(201, OrderJson.order(order, false, false));
    }

    /** GET /v1/order?uuid= | identifier=: the order with its trades. */
    Reply order(SimRequest request) {
        return Reply.json(200, OrderJson.order(ledger.find(request.accessKey(), request.params()), true, false));
    }

    /** DELETE /v1/order?uuid= | identifier=: accepted, the order still {@code wait}. */
    Reply cancel(SimRequest request) {
        SimOrder order = ledger.requestCancel(request.accessKey(), request.params());
        return Reply.json(200, OrderJson.order(order, false, false));
    }

    /** GET /v1/orders/open?market=&state=|states[]=&page=&limit=&order_by=; placement order, newest first by default. */
    Reply openOrders(SimRequest request) {
        Params params = request.params();
        Set<String> states = states(params);
        int page = positiveInt(params, "page", 1, Integer.MAX_VALUE);
        int limit = positiveInt(params, "limit", MAX_LIMIT, MAX_LIMIT);
        String orderBy = params.first("order_by").orElse("desc");
        if (!orderBy.equals("desc") && !orderBy.equals("asc")) {
            throw ApiError.validation("order_by must be asc or desc, got " + orderBy);
        }
        // Orders rest only in state wait; the simulator has no watch (stop) orders.
        List<SimOrder> open =
                states.contains("wait") ? ledger.openOrders(request.accessKey(), market(params)) : List.of();
        List<SimOrder> sorted = new ArrayList<>(open);
        if (orderBy.equals("desc")) {
            Collections.reverse(sorted);
        }
        long from = (long) (page - 1) * limit;
        List<SimOrder> pageOf = sorted.stream().skip(from).limit(limit).toList();
        return Reply.json(200, OrderJson.orders(pageOf));
    }

    private Optional<Symbol> market(Params params) {
        Optional<String> code = params.first("market");
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ledger.markets().stream()
                .filter(s -> s.marketCode().equals(code.get()))
                .findFirst()
                .orElseThrow(() -> ApiError.validation("market " + code.get() + " does not exist")));
    }

    private static Set<String> states(Params params) {
        List<String> many = params.all("states[]");
        Optional<String> one = params.first("state");
        if (!many.isEmpty() && one.isPresent()) {
            throw ApiError.validation("give state or states[], not both");
        }
        Set<String> states = many.isEmpty() ? Set.of(one.orElse("wait")) : Set.copyOf(many);
        for (String state : states) {
            if (!state.equals("wait") && !state.equals("watch")) {
                throw ApiError.validation("state must be wait or watch, got " + state);
            }
        }
        return states;
    }

    private static int positiveInt(Params params, String name, int fallback, int max) {
        Optional<String> text = params.first(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value < 1 || value > max) {
                throw ApiError.validation(name + " must be 1.." + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.validation(name + " is not a whole number: " + text.get());
        }
    }

    private static SimBalance balance(List<SimBalance> balances, String currency) {
        return balances.stream()
                .filter(b -> b.currency().equals(currency))
                .findFirst()
                .orElse(new SimBalance(currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
