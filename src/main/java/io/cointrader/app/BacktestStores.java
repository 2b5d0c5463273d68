package io.cointrader.app;

import io.cointrader.state.MemoryStateStore;
import io.cointrader.state.StateStore;

/**
 * The store a backtest keeps its account in: in memory, so that nothing touches a disk while the
 * simulation runs; the results are read from it at the end.
 */
final class BacktestStores {

    private BacktestStores() {}

    static StateStore open() {
        return new MemoryStateStore();
    }
}
