package io.cointrader.backtest;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a finished backtest produced, as the report needs it.
 *
 * @param equity total equity after every step
 * @param series per symbol, in {@link BacktestSpec#symbols()} order
 * @param orders every order placed, in placement order, with its final state
 * @param fills every fill, in the order they happened
 * @param rejections risk rejections by the name of the check that refused (e.g. {@code MAX_POSITIONS})
 * @param safetyEvents safety events by type name (e.g. {@code PRICE_ANOMALY}, {@code CIRCUIT_BREAKER})
 * @param finalEquity exact equity after the last step, cash plus positions at the last prices
 * @param feesPaid sum of the fees of all fills, in the quote currency
 * @param exposedSteps steps after which at least one position was held
 * @param candles candles processed, over all symbols
 * @param elapsed wall time of the run, loading excluded
 */
public record BacktestResult(
        BacktestSpec spec,
        EquityCurve equity,
        List<SymbolSeries> series,
        List<Order> orders,
        List<Fill> fills,
        Map<String, Integer> rejections,
        Map<String, Integer> safetyEvents,
        BigDecimal finalEquity,
        BigDecimal feesPaid,
        long exposedSteps,
        long candles,
        Duration elapsed) {

    public BacktestResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(equity, "equity");
        series = List.copyOf(series);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        rejections = Map.copyOf(rejections);
        safetyEvents = Map.copyOf(safetyEvents);
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(feesPaid, "feesPaid");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
