package io.cointrader.app;

import io.cointrader.backtest.BacktestResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints and writes what a backtest produced. */
final class BacktestReports {

    private BacktestReports() {}

    static void write(BacktestResult result, Path reportDir, PrintWriter out) {
        out.println(
                "candles: " + result.candles() + ", orders: " + result.orders().size() + ", fills: "
                        + result.fills().size() + ", final equity: "
                        + result.finalEquity().toPlainString()
                        + ", rejections: " + result.rejections() + ", safety events: " + result.safetyEvents()
                        + ", elapsed: " + result.elapsed().toMillis() + " ms");
    }
}
