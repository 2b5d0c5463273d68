package io.cointrader.web;

import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.core.Symbol;
import io.cointrader.state.StateStore;
import io.cointrader.state.TickRecord;
import io.cointrader.web.view.DashboardViews;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The reading endpoints ({@code GET /api/...}), with their query parameters checked. */
final class ApiRoutes {

    static final int MAX_ROWS = 500;
    static final int MAX_POINTS = 2_000;
    private static final int DEFAULT_ROWS = 50;
    private static final int DEFAULT_POINTS = 500;
    private static final int DEFAULT_AUDIT_ROWS = 20;
    private static final List<String> DECISION_KINDS = List.of("risk", "strategy", "llm_advice");

    private final StatusViews status;
    private final DashboardViews views;
    private final Settings settings;
    private final StateStore store;

    ApiRoutes(StatusViews status, DashboardViews views, Settings settings, StateStore store) {
        this.status = status;
        this.views = views;
        this.settings = settings;
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/status", ctx -> ctx.json(status.status()));
        routes.get("/api/balances", ctx -> ctx.json(views.accounts().balances()));
        routes.get("/api/positions", ctx -> ctx.json(views.accounts().positions()));
        routes.get("/api/pnl", ctx -> ctx.json(views.accounts().pnl(status.mode() == TradingMode.PAPER)));
        routes.get("/api/orders", this::orders);
        routes.get("/api/orders/open", ctx -> ctx.json(views.activity().openOrders()));
        routes.get("/api/safety-events", ctx -> ctx.json(views.activity().safetyEvents(rows(ctx, DEFAULT_ROWS))));
        routes.get("/api/decisions", this::decisions);
        routes.get("/api/charts/price", this::priceChart);
        routes.get("/api/charts/equity", ctx -> ctx.json(views.charts().equity(points(ctx))));
        routes.get("/api/audit", ctx -> ctx.json(views.activity().audit(rows(ctx, DEFAULT_AUDIT_ROWS))));
    }

    private void orders(Context ctx) {
        int limit = rows(ctx, DEFAULT_ROWS);
        int offset = QueryParams.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        ctx.json(views.activity().orders(limit, offset));
    }

    private void decisions(Context ctx) {
        int limit = rows(ctx, DEFAULT_ROWS);
        String kind = QueryParams.choice(ctx, "kind", DECISION_KINDS);
        ctx.json(views.activity().decisions(kind, limit));
    }

    private void priceChart(Context ctx) {
        Symbol symbol = QueryParams.symbol(
                ctx, "symbol", knownSymbols(), settings.symbols().get(0));
        int limit = QueryParams.integer(ctx, "limit", 1, MAX_POINTS, DEFAULT_POINTS);
        ctx.json(views.charts().price(symbol, limit));
    }

    /** The configured pairs, and any pair the loop has ticked on this database. */
    private Set<Symbol> knownSymbols() {
        Set<Symbol> known = new LinkedHashSet<>(settings.symbols());
        store.lastTicks().stream().map(TickRecord::symbol).forEach(known::add);
        return known;
    }

    private static int rows(Context ctx, int fallback) {
        return QueryParams.integer(ctx, "limit", 1, MAX_ROWS, fallback);
    }

    private static int points(Context ctx) {
        return QueryParams.integer(ctx, "points", 1, MAX_POINTS, DEFAULT_POINTS);
    }
}
