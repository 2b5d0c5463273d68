package io.cointrader.app;

import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.state.MemoryStateStore;
import io.cointrader.state.StateStore;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A backtest as one call: assembles the trading loop's parts for a fresh paper account in memory and
 * runs them over {@code data} for the window of {@code spec}. {@code trader backtest} and the
 * benchmarks go through here.
 */
public final class Backtests {

    private Backtests() {}

    /**
     * @param settings the risk and safety settings in force (the same as for {@code trader run})
     * @param data the candles of every symbol of {@code spec}, covering its window
     * @param progress told the number of steps done, now and then
     */
    public static BacktestResult run(
            Settings settings, BacktestSpec spec, Map<Symbol, CandleColumns> data, LongConsumer progress) {
        ReplayClock clock = new ReplayClock(spec.from());
        // in memory: nothing touches a disk while the simulation runs; results are read at the end
        StateStore store = new MemoryStateStore();
        try {
            Backtester.BacktestParts parts = Backtester.assemble(
                    settings, spec, new ColumnsExchange(data, spec.interval(), clock), store, clock);
            return new Backtester(spec, data, parts, progress).run();
        } finally {
            store.close();
        }
    }
}
