package io.cointrader.backtest;

import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was backtested.
 *
 * @param symbols the pairs, in the order they were ticked
 * @param interval the candle length; one step of the simulated clock
 * @param from the first step (the close of the first candle traded on)
 * @param to the last step, inclusive
 * @param initialCash starting cash in the quote currency
 * @param feeRate fee per fill as a fraction of its value (0.0005 = 0.05 %)
 * @param dataSource where the candles came from, in words (a path, "bundled history", "candle cache")
 * @param settings the risk and strategy settings in force, by variable name, for the report
 */
public record BacktestSpec(
        List<Symbol> symbols,
        Duration interval,
        Instant from,
        Instant to,
        BigDecimal initialCash,
        BigDecimal feeRate,
        String dataSource,
        Map<String, String> settings) {

    public BacktestSpec {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(dataSource, "dataSource");
        settings = Map.copyOf(settings);
    }
}
