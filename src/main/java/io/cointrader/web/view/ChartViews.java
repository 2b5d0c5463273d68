package io.cointrader.web.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Symbol;
import io.cointrader.state.DecisionEntry;
import io.cointrader.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The price chart (from the strategy's decision log) and the equity chart (from the snapshots). */
public final class ChartViews {

    /** The decision kind whose details carry {@code price}, {@code fast_ema} and {@code slow_ema}. */
    static final String STRATEGY_KIND = "strategy";

    private final StateStore store;
    private final StoredJson json = new StoredJson();

    public ChartViews(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The newest {@code limit} strategy decisions of {@code symbol}, oldest first, and the fills among them. */
    public PriceChart price(Symbol symbol, int limit) {
        List<DecisionEntry> newestFirst = store.recentDecisions(STRATEGY_KIND, symbol, limit);
        List<PriceChart.Point> points = new ArrayList<>(newestFirst.size());
        for (DecisionEntry d : newestFirst) {
            JsonNode details = json.object(d.detailsJson());
            points.add(new PriceChart.Point(
                    d.time(), number(details, "price"), number(details, "fast_ema"), number(details, "slow_ema")));
        }
        Collections.reverse(points);
        if (points.isEmpty()) {
            return new PriceChart(symbol, points, List.of());
        }
        Instant from = points.get(0).time();
        Instant to = points.get(points.size() - 1).time();
        List<PriceChart.FillMarker> fills = store.allFills().stream()
                .filter(f -> f.symbol().equals(symbol))
                .filter(f -> !f.time().isBefore(from) && !f.time().isAfter(to))
                .map(f -> new PriceChart.FillMarker(
                        f.time(),
                        f.side().name(),
                        f.price().doubleValue(),
                        f.quantity().doubleValue()))
                .toList();
        return new PriceChart(symbol, points, fills);
    }

    /** The equity history, oldest first, thinned evenly to about {@code points} points. */
    public EquityChart equity(int points) {
        return new EquityChart(store.equityHistory(points).stream()
                .map(p -> new EquityChart.Point(p.time(), p.equity().doubleValue()))
                .toList());
    }

    /** A finite number stored as a JSON number or numeric text (NaN is stored as text), else null. */
    private static Double number(JsonNode details, String field) {
        JsonNode value = details.get(field);
        Double d = null;
        if (value != null && value.isNumber()) {
            d = value.doubleValue();
        } else if (value != null && value.isTextual()) {
            try {
                d = Double.parseDouble(value.textValue());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
