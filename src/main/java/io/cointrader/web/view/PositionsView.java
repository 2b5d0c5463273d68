package io.cointrader.web.view;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/positions}: the open positions of the newest snapshot, valued at the newest tick. */
public record PositionsView(Instant time, List<Row> positions) {

    public PositionsView {
        positions = List.copyOf(positions);
    }

    /** One position; {@code priceTime} is null when the price is the average price (no tick yet). */
    public record Row(
            Symbol symbol,
            String quantity,
            String averagePrice,
            String price,
            Instant priceTime,
            String value,
            String cost,
            String unrealizedPnl,
            String unrealizedPnlPct) {}
}
