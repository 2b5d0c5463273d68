package io.cointrader.exchange.upbit;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Exchange-API bodies in the shapes recorded from api.upbit.com (upbit-api.md section 2). */
final class PrivateSamples {

    private PrivateSamples() {}

    static final String ACCOUNTS =
            """
            [{"currency":"KRW","balance":"50000.47","locked":"5002.5","avg_buy_price":"0",\
            "avg_buy_price_modified":true,"unit_currency":"KRW"},\
            {"currency":"BTC","balance":"0.00012345","locked":"0","avg_buy_price":"103460000",\
            "avg_buy_price_modified":false,"unit_currency":"KRW"}]""";

    static final String CHANCE_BTC =
            """
            {"bid_fee":"0.0005","ask_fee":"0.0005","maker_bid_fee":"0.0005","maker_ask_fee":"0.0005",\
            "market":{"id":"KRW-BTC","name":"BTC/KRW","order_types":[],"order_sides":["ask","bid"],\
            "bid_types":["limit","price"],"ask_types":["limit","market"],\
            "bid":{"currency":"KRW","min_total":"5000"},"ask":{"currency":"BTC","min_total":"5000"},\
            "max_total":"1000000000","state":"active"},\
            "bid_account":{"currency":"KRW","balance":"50000.47","locked":"0","avg_buy_price":"0",\
            "avg_buy_price_modified":true,"unit_currency":"KRW"},\
            "ask_account":{"currency":"BTC","balance":"0","locked":"0","avg_buy_price":"0",\
            "avg_buy_price_modified":false,"unit_currency":"KRW"}}""";

    /** The 201 answer to a limit buy of 0.0005 BTC at 10,000,000 KRW. */
    static final String ORDER_CREATED =
            """
            {"uuid":"82fe9b72-0c6a-4b2e-9a5f-3a1d2e4f5a6b","side":"bid","ord_type":"limit","price":"10000000",\
            "state":"wait","market":"KRW-BTC","created_at":"2026-03-22T21:42:22+09:00","volume":"0.0005",\
            "remaining_volume":"0.0005","reserved_fee":"2.5","remaining_fee":"2.5","paid_fee":"0","locked":"5002.5",\
            "executed_volume":"0","trades_count":0,"prevented_volume":"0","prevented_locked":"0",\
            "identifier":"bot1-cons-1774183342000-1"}""";

    /** GET /v1/order: a sell filled in two trades, numbers partly as JSON numbers. */
    static final String ORDER_WITH_TRADES =
            """
            {"uuid":"9a1b2c3d-0000-4000-8000-000000000001","side":"ask","ord_type":"limit","price":"103500000",\
            "state":"done","market":"KRW-BTC","created_at":"2026-03-22T21:42:22.123+09:00","volume":"0.001",\
            "remaining_volume":"0","reserved_fee":"0","remaining_fee":"0","paid_fee":"51.75","locked":"0",\
            "executed_volume":0.001,"trades_count":"2","identifier":"bot1-cons-1774183342000-2",\
            "trades":[{"market":"KRW-BTC","uuid":"t-1","price":"103500000","volume":"0.0004","funds":"41400",\
            "trend":"up","side":"ask","created_at":"2026-03-22T21:42:23+09:00"},\
            {"market":"KRW-BTC","uuid":"t-2","price":103500000,"volume":0.0006,"funds":"62100.0",\
            "trend":"up","side":"ask","created_at":"2026-03-22T21:42:24+09:00"}]}""";

    /** A market buy by KRW amount: no volume, no remaining_volume; ended as cancel after filling. */
    static final String PRICE_ORDER =
            """
            {"uuid":"5f5f5f5f-0000-4000-8000-000000000002","side":"bid","ord_type":"price","price":"10000",\
            "state":"cancel","market":"KRW-BTC","created_at":"2026-03-22T21:50:00+09:00",\
            "reserved_fee":"5","remaining_fee":"0.0001","paid_fee":"4.9999","locked":"0",\
            "executed_volume":"0.00009661","trades_count":1}""";

    /** The DELETE /v1/order answer: the cancel is only accepted, the state is still wait. */
    static final String CANCEL_ACCEPTED =
            """
            {"uuid":"82fe9b72-0c6a-4b2e-9a5f-3a1d2e4f5a6b","side":"bid","ord_type":"limit","price":"10000000",\
            "state":"wait","market":"KRW-BTC","created_at":"2026-03-22T21:42:22+09:00","volume":"0.0005",\
            "remaining_volume":"0.0005","reserved_fee":"2.5","remaining_fee":"2.5","paid_fee":"0","locked":"5002.5",\
            "executed_volume":"0","trades_count":0,"identifier":"bot1-cons-1774183342000-1"}""";

    static final String ORDER_NOT_FOUND = "{\"error\":{\"name\":\"order_not_found\",\"message\":\"주문을 찾지 못했습니다.\"}}";

    static String error(String name, String message) {
        return "{\"error\":{\"name\":\"" + name + "\",\"message\":\"" + message + "\"}}";
    }

    /** A page of {@code count} resting KRW-BTC orders with uuids {@code <prefix>-<n>}. */
    static String openOrders(String prefix, int count) {
        return orders(prefix, count, "wait", "KRW-BTC");
    }

    /** A list of {@code count} orders in {@code state} on {@code market} with uuids {@code <prefix>-<n>}. */
    static String orders(String prefix, int count, String state, String market) {
        return IntStream.range(0, count)
                .mapToObj(n -> "{\"uuid\":\"" + prefix + "-" + n + "\",\"side\":\"bid\",\"ord_type\":\"limit\","
                        + "\"price\":\"100000000\",\"state\":\"" + state + "\",\"market\":\"" + market + "\","
                        + "\"created_at\":\"2026-03-22T21:42:22+09:00\",\"volume\":\"0.0001\","
                        + "\"remaining_volume\":\"0.0001\",\"executed_volume\":\"0\",\"executed_funds\":\"0\","
                        + "\"identifier\":\"id-" + prefix + "-" + n + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
