package io.cointrader.app;

import io.cointrader.app.Application.UserError;
import io.cointrader.backtest.BacktestDataException;
import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.backtest.CandleSources;
import io.cointrader.backtest.Intervals;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.logging.LogSetup;
import io.cointrader.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/** {@code trader backtest}: the loop's parts over historical candles, then the report. */
final class BacktestCommand {

    /**
     * @param data a CSV file or folder; empty for the bundled history
     * @param reportDir where the report files go
     */
    record Options(Optional<String> from, Optional<String> to, String interval, Optional<Path> data, Path reportDir) {}

    private final Settings settings;
    private final Invocation invocation;

    BacktestCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.invocation = invocation;
    }

    int run(Options options) {
        BacktestResult result;
        try {
            result = backtest(settings, options, progressBar());
        } catch (BacktestDataException e) {
            throw new UserError(Application.USAGE, e.getMessage());
        }
        BacktestReports.write(result, options.reportDir(), invocation.out());
        return Application.OK;
    }

    /** Loads the candles, checks the window, runs; what {@code trader backtest} does before reporting. */
    static BacktestResult backtest(Settings settings, Options options, LongConsumer progress) {
        Duration interval = Intervals.parse(options.interval());
        List<Symbol> symbols = settings.symbols();
        Map<Symbol, CandleColumns> data = options.data()
                .map(path -> CandleSources.fromPath(path, symbols, interval))
                .orElseGet(() -> CandleSources.bundled(symbols, interval));
        String source = options.data().map(Path::toString).orElse("bundled Upbit history");
        BacktestWindow window = BacktestWindow.of(options.from(), options.to(), interval, data);
        BacktestSpec spec = new BacktestSpec(
                symbols,
                interval,
                window.from(),
                window.to(),
                settings.paper().initialKrw(),
                settings.paper().feeRate(),
                source,
                reportedSettings(settings));
        LogSetup.silenceTradingJournals();
        ReplayClock clock = new ReplayClock(window.from());
        StateStore store = BacktestStores.open();
        try {
            Backtester.BacktestParts parts =
                    Backtester.assemble(settings, spec, new ColumnsExchange(data, interval, clock), store, clock);
            return new Backtester(spec, data, parts, progress).run();
        } finally {
            store.close();
        }
    }

    private LongConsumer progressBar() {
        return done -> {};
    }

    private static Map<String, String> reportedSettings(Settings settings) {
        var r = settings.risk();
        var s = settings.safety();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("MAX_POSITION_SIZE_PCT", r.maxPositionSizePct().toPlainString());
        out.put("MAX_POSITIONS", Integer.toString(r.maxPositions()));
        out.put("DAILY_MAX_DRAWDOWN_PCT", r.dailyMaxDrawdownPct().toPlainString());
        out.put("MAX_ORDERS_PER_SECOND", Integer.toString(r.maxOrdersPerSecond()));
        out.put("MAX_ORDERS_PER_DAY", Integer.toString(r.maxOrdersPerDay()));
        out.put("MAX_SLIPPAGE_BPS", Integer.toString(r.maxSlippageBps()));
        out.put("CIRCUIT_BREAKER_THRESHOLD_PCT", s.circuitBreakerThresholdPct().toPlainString());
        out.put("PRICE_ANOMALY_PCT", s.priceAnomalyPct().toPlainString());
        out.put("PAPER_INITIAL_KRW", settings.paper().initialKrw().toPlainString());
        out.put("PAPER_FEE_RATE", settings.paper().feeRate().toPlainString());
        return out;
    }
}
