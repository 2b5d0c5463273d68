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
import java.util.List;
import java.util.Map;

/**
 * The full decision pipeline of {@code trader backtest} over a benchmark dataset: the candles run as the
 * pair BTC/KRW with the default settings but for a starting cash of {@value #INITIAL_KRW} KRW, from the
 * close of candle {@value BareLoop#MIN_CANDLES} (the first the strategy decides on, as the baselines
 * do) to the end.
 *
 * <p>The starting cash keeps the account trading to the end of the 5M set: the strategy trades about
 * 60 times a day with a tenth of the equity, and the 0.05 % fees and its losses take about a quarter
 * of the equity per copy of the file. From the default 1,000,000 KRW, a tenth of the equity falls
 * below Upbit's minimum order of 5,000 KRW in the tenth copy and the pipeline stops buying; from
 * {@value #INITIAL_KRW} KRW the equity is still about 1.1 million KRW at the end. Above that minimum
 * the amount changes no decision.
 */
final class PipelineRun {

    static final Symbol SYMBOL = Symbol.parse("BTC/KRW");

    static final String INITIAL_KRW = "100000000000";

    /** A folder with no {@code .env} (it need not exist): a trader's own {@code .env} must not change the run. */
    private static final Path NO_DOT_ENV = Path.of("target", "no-dot-env");

    private final Settings settings;
    private final BacktestSpec spec;
    private final Map<Symbol, CandleColumns> data;

    PipelineRun(BenchData bench) {
        this.settings = SettingsLoader.load(
                        Map.of(),
                        Map.of("TRADING_SYMBOLS", SYMBOL.toString(), "PAPER_INITIAL_KRW", INITIAL_KRW),
                        NO_DOT_ENV)
                .settings();
        this.data = Map.of(SYMBOL, columns(bench));
        long step = bench.interval().toSeconds();
        long[] times = bench.openTime();
        this.spec = new BacktestSpec(
                List.of(SYMBOL),
                bench.interval(),
                Instant.ofEpochSecond(times[BareLoop.MIN_CANDLES - 1] + step),
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
            exact[i] = seen.computeIfAbsent(close[i], BenchData::decimal);
        }
        return new CandleColumns(
                SYMBOL, bench.openTime(), bench.open(), bench.high(), bench.low(), close, bench.volume(), exact);
    }
}
