package io.cointrader.exchange;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import java.util.List;

/**
 * Public market data of one exchange. Implementations are safe to call from one trading thread;
 * they throw the unchecked {@link ExchangeException} family on failure and never return partial
 * garbage.
 */
public interface ExchangeAdapter {

    /** Short name for logs, e.g. {@code upbit} or {@code replay}. */
    String name();

    /** Latest ticker, with best bid/ask when the exchange has them. */
    MarketData ticker(Symbol symbol);

    /**
     * Up to {@code count} of the newest candles of {@code intervalMinutes}, sorted <b>ascending</b> by
     * open time (oldest first). The last one may still be forming. Gaps are not filled.
     */
    List<Candle> candles(Symbol symbol, int intervalMinutes, int count);

    /** Best levels of the order book, best first. */
    OrderBook orderBook(Symbol symbol);

    /** Tradable markets of the exchange. */
    List<MarketInfo> markets();
}
