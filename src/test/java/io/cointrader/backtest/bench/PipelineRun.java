package io.cointrader.backtest.bench;

import io.cointrader.app.Backtests;
import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The full decision pipeline of {@code trader backtest} over a benchmark dataset: the Binance BTCUSDT
 * prices run as the pair BTC/KRW with the default settings (their numbers used as they are, on the
 * KRW tick grid), from the close of the 200th candle to the end.
 */
final class PipelineRun {

    static final Symbol SYMBOL = Symbol.parse("BTC/KRW");

    private final Settings settings;
    private final BacktestSpec spec;
    private final Map<Symbol, CandleColumns> data;

    PipelineRun(BenchData bench) {
        this.settings = SettingsLoader.load(Map.of(), Map.of("TRADING_SYMBOLS", SYMBOL.toString()), Path.of("."))
                .settings();
        this.data = Map.of(SYMBOL, columns(bench));
        long step = bench.interval().toSeconds();
        long[] times = bench.openTime();
        this.spec = new BacktestSpec(
                java.util.List.of(SYMBOL),
                bench.interval(),
                Instant.ofEpochSecond(times[199] + step),
                Instant.ofEpochSecond(times[times.length - 1] + step),
                settings.paper().initialKrw(),
                settings.paper().feeRate(),
                "benchmark " + bench.name(),
                Map.of());
    }

    BacktestResult run() {
        return Backtests.run(settings, spec, data, done -> {});
    }

    /** Columns whose exact closes are shared between repeated copies, as their values are. */
    private static CandleColumns columns(BenchData bench) {
        double[] close = bench.close();
        BigDecimal[] exact = new BigDecimal[close.length];
        Map<Double, BigDecimal> seen = new HashMap<>();
        for (int i = 0; i < close.length; i++) {
            exact[i] = seen.computeIfAbsent(close[i], BigDecimal::valueOf);
        }
        return new CandleColumns(
                SYMBOL, bench.openTime(), bench.open(), bench.high(), bench.low(), close, bench.volume(), exact);
    }
}
