package io.cointrader.sim;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The exchange (private) endpoints over the {@link Ledger}; callers have verified the JWT. */
final class ExchangeApi {

    private static final int MAX_LIMIT = 100;
    private static final int MAX_CLOSED_LIMIT = 1000;
    private static final Set<String> OPEN_STATES = Set.of("wait", "watch");
    private static final Set<String> CLOSED_STATES = Set.of("done", "cancel");

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
        SimOrder order = ledger.place(request.accessKey(), request.params(), request.wallTime());
        return Reply.json(201, OrderJson.order(order, false, false));
    }

    /**
     * POST /v1/orders whose order is created late (a scripted fault): validated now, created at {@code
     * dueAt} of the wall clock. The answer is never sent, so its body does not matter.
     */
    Reply placeOrderLate(SimRequest request, Instant dueAt) {
        ledger.placeLate(request.accessKey(), request.params(), dueAt);
        return Reply.json(201, SimJson.object());
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
        Set<String> states = states(params, OPEN_STATES, Set.of("wait"));
        int page = positiveInt(params, "page", 1, Integer.MAX_VALUE);
        int limit = positiveInt(params, "limit", MAX_LIMIT, MAX_LIMIT);
        boolean ascending = ascending(params);
        // Orders rest only in state wait; the simulator has no watch (stop) orders.
        List<SimOrder> open =
                states.contains("wait") ? ledger.openOrders(request.accessKey(), market(params)) : List.of();
        long from = (long) (page - 1) * limit;
        return Reply.json(
                200,
                OrderJson.orders(ordered(open, ascending).stream()
                        .skip(from)
                        .limit(limit)
                        .toList()));
    }

    /**
     * GET /v1/orders/closed?market=&state=|states[]=&start_time=&end_time=&limit=&order_by=: done and
     * cancelled orders created in the window (see {@link ClosedWindow}), newest first by default, at most
     * {@code limit} (default 100, up to 1000) and no paging, as Upbit.
     */
    Reply closedOrders(SimRequest request) {
        Params params = request.params();
        Set<String> states = states(params, CLOSED_STATES, CLOSED_STATES);
        ClosedWindow window = ClosedWindow.of(params, request.wallTime());
        int limit = positiveInt(params, "limit", MAX_LIMIT, MAX_CLOSED_LIMIT);
        boolean ascending = ascending(params);
        List<SimOrder> closed =
                ledger.closedOrders(request.accessKey(), market(params), states, window.from(), window.to());
        return Reply.json(
                200,
                OrderJson.orders(
                        ordered(closed, ascending).stream().limit(limit).toList()));
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

    private static Set<String> states(Params params, Set<String> allowed, Set<String> fallback) {
        List<String> many = params.all("states[]");
        Optional<String> one = params.first("state");
        if (!many.isEmpty() && one.isPresent()) {
            throw ApiError.validation("give state or states[], not both");
        }
        Set<String> states = many.isEmpty() ? one.map(Set::of).orElse(fallback) : Set.copyOf(many);
        for (String state : states) {
            if (!allowed.contains(state)) {
                throw ApiError.validation("state must be one of " + new TreeSet<>(allowed) + ", got " + state);
            }
        }
        return states;
    }

    private static boolean ascending(Params params) {
        String orderBy = params.first("order_by").orElse("desc");
        if (!orderBy.equals("desc") && !orderBy.equals("asc")) {
            throw ApiError.validation("order_by must be asc or desc, got " + orderBy);
        }
        return orderBy.equals("asc");
    }

    /** {@code oldestFirst} as asked: reversed for {@code desc}. */
    private static List<SimOrder> ordered(List<SimOrder> oldestFirst, boolean ascending) {
        List<SimOrder> sorted = new ArrayList<>(oldestFirst);
        if (!ascending) {
            Collections.reverse(sorted);
        }
        return sorted;
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
