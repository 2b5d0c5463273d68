package io.cointrader.sim;

import java.util.Optional;
import java.util.function.Function;

/**
 * One endpoint: its rate-limit group, whether it needs a JWT, and its handler.
 *
 * @param exchange true for the exchange (private) API
 */
record Route(SimRateGroup group, boolean exchange, Function<SimRequest, Reply> handler) {

    private static final String CANDLES = "/v1/candles/minutes/";

    /** The endpoint of {@code method} and {@code path}, empty when the simulator has none. */
    static Optional<Route> find(String method, String path, QuotationApi quotation, ExchangeApi exchange) {
        if (method.equals("GET") && path.startsWith(CANDLES) && path.length() > CANDLES.length()) {
            String unit = path.substring(CANDLES.length());
            return Optional.of(new Route(SimRateGroup.CANDLES, false, r -> quotation.candles(r, unit)));
        }
        Route route =
                switch (method + " " + path) {
                    case "GET /v1/market/all" -> new Route(SimRateGroup.MARKET, false, quotation::markets);
                    case "GET /v1/ticker" -> new Route(SimRateGroup.TICKER, false, quotation::tickers);
                    case "GET /v1/orderbook" -> new Route(SimRateGroup.ORDERBOOK, false, quotation::orderBooks);
                    case "GET /v1/orderbook/instruments" -> new Route(
                            SimRateGroup.ORDERBOOK, false, quotation::instruments);
                    case "GET /v1/accounts" -> new Route(SimRateGroup.DEFAULT, true, exchange::accounts);
                    case "GET /v1/orders/chance" -> new Route(SimRateGroup.DEFAULT, true, exchange::chance);
                    case "POST /v1/orders" -> new Route(SimRateGroup.ORDER, true, exchange::placeOrder);
                    case "GET /v1/order" -> new Route(SimRateGroup.DEFAULT, true, exchange::order);
                    case "DELETE /v1/order" -> new Route(SimRateGroup.DEFAULT, true, exchange::cancel);
                    case "GET /v1/orders/open" -> new Route(SimRateGroup.DEFAULT, true, exchange::openOrders);
                    case "GET /v1/orders/closed" -> new Route(SimRateGroup.DEFAULT, true, exchange::closedOrders);
                    case "GET /v1/api_keys" -> new Route(SimRateGroup.DEFAULT, true, exchange::apiKeys);
                    default -> null;
                };
        return Optional.ofNullable(route);
    }
}
