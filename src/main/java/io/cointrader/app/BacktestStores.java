package io.cointrader.app;

import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store a backtest keeps its account in. */
final class BacktestStores {

    private BacktestStores() {}

    static StateStore open() {
        try {
            Path dir = Files.createTempDirectory("backtest");
            dir.toFile().deleteOnExit();
            return SqliteStateStore.open(dir.resolve("backtest.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
