package io.cointrader.web.view;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/positions}: the trader's open positions of the newest snapshot, valued at the newest
 * tick; dust is listed too, marked.
 */
public record PositionsView(Instant time, List<Row> positions) {

    public PositionsView {
        positions = List.copyOf(positions);
    }

    /**
     * One position; {@code priceTime} is null when the price is the average price (no tick yet); {@code
     * dust} when it is worth less than the pair's minimum order (never sold, no position for new buys).
     */
    public record Row(
            Symbol symbol,
            String quantity,
            String averagePrice,
            String price,
            Instant priceTime,
            String value,
            String cost,
            String unrealizedPnl,
            String unrealizedPnlPct,
            boolean dust) {}
}
