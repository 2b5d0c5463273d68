package io.cointrader.web.view;

import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/charts/price}: the strategy's view of the newest ticks, oldest first, with fills. */
public record PriceChart(Symbol symbol, List<Point> points, List<FillMarker> fills) {

    public PriceChart {
        points = List.copyOf(points);
        fills = List.copyOf(fills);
    }

    /** One tick; each value is null when the strategy did not record it (e.g. EMAs while warming up). */
    public record Point(Instant time, Double price, Double fastEma, Double slowEma) {}

    /** One fill of the symbol within the time span of the points. */
    public record FillMarker(Instant time, String side, double price, double quantity) {}
}
