package io.cointrader.app;

import io.cointrader.app.Application.UserError;
import io.cointrader.backtest.BacktestDataException;
import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.backtest.CandleSources;
import io.cointrader.backtest.Intervals;
import io.cointrader.candles.CandleCache;
import io.cointrader.candles.CandleDownloader;
import io.cointrader.candles.ProgressBar;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.logging.LogSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code trader backtest}: the loop's parts over historical candles, then the report. */
final class BacktestCommand {

    /**
     * @param data a CSV file or folder, or {@link #CACHE} for the local candle cache; empty for the
     *     bundled history
     * @param reportDir where the report files go
     */
    record Options(Optional<String> from, Optional<String> to, String interval, Optional<Path> data, Path reportDir) {}

    /** The {@code --data} word that selects the local candle cache (unless a file of that name exists). */
    static final String CACHE = "cache";

    private final Settings settings;
    private final Invocation invocation;

    BacktestCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.invocation = invocation;
    }

    int run(Options options) {
        BacktestResult result;
        try {
            result = backtest(
                    settings,
                    options,
                    (label, total) -> new ProgressBar(
                            invocation.err(), System.console() != null, label, total, System::nanoTime));
        } catch (BacktestDataException e) {
            throw new UserError(Application.USAGE, e.getMessage());
        }
        BacktestReports.write(result, options.reportDir(), invocation.out());
        return Application.OK;
    }

    /** Loads the candles, checks the window, runs; what {@code trader backtest} does before reporting. */
    static BacktestResult backtest(Settings settings, Options options, CandleDownloader.ProgressFactory progress) {
        Duration interval = Intervals.parse(options.interval());
        List<Symbol> symbols = settings.symbols();
        Map<Symbol, CandleColumns> data = load(settings, options.data(), symbols, interval);
        String source = options.data()
                .map(p -> isCache(p) ? "candle cache " + settings.storage().candleCachePath() : p.toString())
                .orElse("bundled Upbit history");
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
        long steps = (window.to().getEpochSecond() - window.from().getEpochSecond()) / interval.toSeconds() + 1;
        ProgressBar bar = progress.start("backtest", steps);
        BacktestResult result = Backtests.run(settings, spec, data, bar::update);
        bar.finish();
        return result;
    }

    private static Map<Symbol, CandleColumns> load(
            Settings settings, Optional<Path> data, List<Symbol> symbols, Duration interval) {
        if (data.isEmpty()) {
            return CandleSources.bundled(symbols, interval);
        }
        if (!isCache(data.get())) {
            return CandleSources.fromPath(data.get(), symbols, interval);
        }
        Path file = settings.storage().candleCachePath();
        if (!java.nio.file.Files.exists(file)) {
            throw new BacktestDataException("the candle cache " + file + " does not exist yet; fill it with "
                    + "`trader candles download --symbols ... --interval " + Intervals.format(interval)
                    + " --from ...`");
        }
        Map<Symbol, CandleColumns> out = new LinkedHashMap<>();
        try (CandleCache cache = CandleCache.open(file)) {
            for (Symbol symbol : symbols) {
                List<io.cointrader.core.Candle> candles = cache.read(
                        symbol,
                        (int) interval.toMinutes(),
                        java.time.Instant.EPOCH,
                        java.time.Instant.parse("9999-01-01T00:00:00Z"));
                out.put(symbol, CandleSources.columns(symbol, candles, "the candle cache " + file, interval));
            }
        } catch (io.cointrader.candles.CandleCacheException e) {
            throw new BacktestDataException(e.getMessage(), e);
        }
        return out;
    }

    private static boolean isCache(Path data) {
        return data.getFileName() != null
                && data.getFileName().toString().equals(CACHE)
                && !java.nio.file.Files.exists(data);
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
