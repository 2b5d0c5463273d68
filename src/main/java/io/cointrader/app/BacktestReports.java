package io.cointrader.app;

import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.HtmlReport;
import io.cointrader.backtest.Intervals;
import io.cointrader.backtest.Metrics;
import io.cointrader.backtest.ReportText;
import io.cointrader.backtest.TradeList;
import io.cointrader.core.Symbol;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * Prints the report of a backtest and writes its files: {@code <name>.html} (self-contained, charts
 * included) and {@code <name>-trades.csv}, named after the symbols, the interval and the window, so
 * that running the same backtest again replaces them.
 */
final class BacktestReports {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private BacktestReports() {}

    static void write(BacktestResult result, Path reportDir, PrintWriter out) {
        Metrics metrics = Metrics.of(result);
        String name = name(result.spec());
        Path html = reportDir.resolve(name + ".html");
        Path trades = reportDir.resolve(name + "-trades.csv");
        try {
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + reportDir, e);
        }
        TradeList.write(metrics.roundTrips(), trades);
        HtmlReport.write(result, metrics, html);
        out.print(ReportText.render(result, metrics));
        out.println();
        out.println("report:     " + Display.path(html));
        out.println("trade list: " + Display.path(trades));
        double seconds = Math.max(1e-9, result.elapsed().toNanos() / 1e9);
        out.printf(
                java.util.Locale.ROOT,
                "%,d candles in %.3f s (%,.0f candles/s)%n",
                result.candles(),
                seconds,
                result.candles() / seconds);
    }

    /** E.g. {@code backtest_BTC-ETH_60m_20251020-20251130}. */
    static String name(BacktestSpec spec) {
        String symbols = spec.symbols().stream().map(Symbol::base).collect(Collectors.joining("-"));
        return "backtest_" + symbols + "_" + Intervals.format(spec.interval()) + "_" + DAY.format(spec.from()) + "-"
                + DAY.format(spec.to());
    }
}
