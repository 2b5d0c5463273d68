package io.cointrader.web.view;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/charts/equity}: total equity over time, oldest first. */
public record EquityChart(List<Point> points) {

    public EquityChart {
        points = List.copyOf(points);
    }

    /** Equity at one account snapshot. */
    public record Point(Instant time, double equity) {}
}
