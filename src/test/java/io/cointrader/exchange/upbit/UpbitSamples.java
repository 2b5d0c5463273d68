package io.cointrader.exchange.upbit;

/** Response bodies in the shapes recorded from api.upbit.com (upbit-api.md section 1). */
final class UpbitSamples {

    private UpbitSamples() {}

    static final String TICKER_BTC =
            """
            [{"market":"KRW-BTC","trade_date":"20260311","trade_time":"144058","trade_date_kst":"20260311",\
            "trade_time_kst":"234058","trade_timestamp":1773240058930,"opening_price":102417000.0,\
            "high_price":104000000.0,"low_price":102100000.0,"trade_price":103493000.0,\
            "prev_closing_price":102417000.0,"change":"RISE","change_price":1076000.0,"change_rate":0.0105060683,\
            "signed_change_price":1076000.0,"signed_change_rate":0.0105060683,"trade_volume":0.00012,\
            "acc_trade_price":152301234567.12345,"acc_trade_price_24h":301234567890.5,\
            "acc_trade_volume":1474.98765432,"acc_trade_volume_24h":2900.1,\
            "highest_52_week_price":163325000.0,"highest_52_week_date":"2025-10-06",\
            "lowest_52_week_price":74500000.0,"lowest_52_week_date":"2025-04-07","timestamp":1773240058973}]""";

    static final String ORDERBOOK_BTC_TOP =
            """
            [{"market":"KRW-BTC","timestamp":1773240059027,"total_ask_size":4.18,"total_bid_size":2.30,\
            "orderbook_units":[{"ask_price":103493000,"bid_price":103460000,"ask_size":0.0491,"bid_size":0.004}],\
            "level":0}]""";

    static final String ORDERBOOK_BTC =
            """
            [{"market":"KRW-BTC","timestamp":1773240059027,"total_ask_size":4.18,"total_bid_size":2.30,\
            "orderbook_units":[{"ask_price":103493000,"bid_price":103460000,"ask_size":0.0491,"bid_size":0.004},\
            {"ask_price":103494000.0,"bid_price":103459000.0,"ask_size":0.1,"bid_size":1.23456789}],\
            "level":0}]""";

    /** Newest first, as Upbit sends them, with the 14:40 candle repeated (an older snapshot of it). */
    static final String CANDLES_BTC_1M =
            """
            [{"market":"KRW-BTC","candle_date_time_utc":"2026-03-11T14:40:00","candle_date_time_kst":"2026-03-11T23:40:00",\
            "opening_price":103600000.0,"high_price":103600000.0,"low_price":103425000.0,"trade_price":103460000.0,\
            "timestamp":1773240059132,"candle_acc_trade_price":164899503.14,"candle_acc_trade_volume":1.5933512,"unit":1},\
            {"market":"KRW-BTC","candle_date_time_utc":"2026-03-11T14:39:00","candle_date_time_kst":"2026-03-11T23:39:00",\
            "opening_price":103500000.0,"high_price":103650000.0,"low_price":103500000.0,"trade_price":103600000.0,\
            "timestamp":1773239999000,"candle_acc_trade_price":51234567.5,"candle_acc_trade_volume":0.49456789,"unit":1},\
            {"market":"KRW-BTC","candle_date_time_utc":"2026-03-11T14:40:00","candle_date_time_kst":"2026-03-11T23:40:00",\
            "opening_price":103600000.0,"high_price":103600000.0,"low_price":103500000.0,"trade_price":103500000.0,\
            "timestamp":1773240010000,"candle_acc_trade_price":10000000.0,"candle_acc_trade_volume":0.1,"unit":1},\
            {"market":"KRW-BTC","candle_date_time_utc":"2026-03-11T14:37:00","candle_date_time_kst":"2026-03-11T23:37:00",\
            "opening_price":"103400000","high_price":"103500000","low_price":"103390000","trade_price":"103500000",\
            "timestamp":1773239879000,"candle_acc_trade_price":"1000","candle_acc_trade_volume":"0.00000001","unit":1}]""";

    static final String MARKETS =
            """
            [{"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin"},\
            {"market":"KRW-ETH","korean_name":"이더리움","english_name":"Ethereum"},\
            {"market":"BTC-ETH","korean_name":"이더리움","english_name":"Ethereum"},\
            {"market":"KRWBTC","korean_name":"?","english_name":"?"},\
            {"market":"krw-doge!","korean_name":"?","english_name":"?"},\
            {"korean_name":"이름만","english_name":"Name only"},\
            "not an object"]""";

    static final String INSTRUMENTS =
            """
            [{"market":"KRW-BTC","quote_currency":"KRW","tick_size":"1000","supported_levels":["0","10000","100000"]},\
            {"market":"KRW-USDT","quote_currency":"KRW","tick_size":"0.5","supported_levels":["0"]}]""";

    static final String TICKERS_FOR_FALLBACK =
            """
            [{"market":"KRW-ETH","trade_price":4512000.0,"timestamp":1773240058973},\
            {"market":"KRW-XRP","trade_price":3120.5,"timestamp":1773240058973}]""";

    static final String HTML_ERROR =
            """
            <html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>""";
}
