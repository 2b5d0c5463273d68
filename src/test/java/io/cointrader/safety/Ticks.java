package io.cointrader.safety;

import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;

/** Market data for tests: only the fields the safety checks read are set. */
final class Ticks {

    static final Symbol BTC = Symbol.parse("BTC/KRW");
    static final Symbol ETH = Symbol.parse("ETH/KRW");
    static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private Ticks() {}

    static MarketData price(Symbol symbol, String price) {
        return tick(symbol, price, null, null, null);
    }

    static MarketData withPrevClose(String price, String prevClose) {
        return tick(BTC, price, prevClose, null, null);
    }

    static MarketData quoted(String bid, String ask) {
        return tick(BTC, "100", null, bid, ask);
    }

    private static MarketData tick(Symbol symbol, String price, String prevClose, String bid, String ask) {
        return new MarketData(
                symbol,
                new BigDecimal(price),
                null,
                null,
                null,
                null,
                prevClose == null ? null : new BigDecimal(prevClose),
                bid == null ? null : new BigDecimal(bid),
                ask == null ? null : new BigDecimal(ask),
                T0);
    }
}
