package io.cointrader.backtest.bench;

import io.cointrader.strategy.ConservativeParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.NotRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * The conservative strategy composed from ta4j 0.17 parts on {@link DoubleNum}: the framework
 * baseline. ta4j indicators cache every value they compute, so each run needs fresh indicators and
 * rules ({@link #rules}); the bar series itself is built once ({@link #series}).
 *
 * <p>The trading model matches {@link BareLoop}: long only, one position, entry and exit at the
 * signal candle's close ({@link TradeOnCurrentCloseModel}), {@value BareLoop#FEE_RATE} fee per fill.
 * ta4j trades a fixed amount of one unit instead of a tenth of the equity; the amount changes no
 * decision and the equity is not needed inside the measured run.
 */
final class Ta4jBaseline {

    private Ta4jBaseline() {}

    /**
     * The entry and exit rules and the strategy made of them, all on one fresh set of indicators.
     *
     * @param entry BUY: every BUY condition of the strategy holds
     * @param exit SELL: fast EMA below slow EMA, or RSI above 75
     */
    record Rules(Rule entry, Rule exit, Strategy strategy) {}

    /** The candles as a ta4j series of {@link DoubleNum}, each bar ending one interval after it opens. */
    static BarSeries series(BenchData data) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName("BTCUSDT-" + data.name())
                .withNumTypeOf(DoubleNum.class)
                .build();
        Duration interval = data.interval();
        long[] openTime = data.openTime();
        for (int i = 0; i < data.size(); i++) {
            ZonedDateTime end =
                    Instant.ofEpochSecond(openTime[i]).plus(interval).atZone(ZoneOffset.UTC);
            series.addBar(new BaseBar(
                    interval,
                    end,
                    data.open()[i],
                    data.high()[i],
                    data.low()[i],
                    data.close()[i],
                    data.volume()[i],
                    0.0,
                    0L,
                    DoubleNum::valueOf));
        }
        return series;
    }

    /** Fresh indicators, rules and strategy on {@code series}, with the default parameters. */
    static Rules rules(BarSeries series) {
        ConservativeParameters p = ConservativeParameters.defaults();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator fast = new EMAIndicator(close, p.fastPeriod());
        EMAIndicator slow = new EMAIndicator(close, p.slowPeriod());
        ATRIndicator atr = new ATRIndicator(series, p.atrPeriod());
        RSIIndicator rsi = new RSIIndicator(close, p.rsiPeriod());
        VolumeIndicator volume = new VolumeIndicator(series);
        SMAIndicator volumeMean = new SMAIndicator(volume, p.volumeWindow());

        Indicator<Num> atrRatio = CombineIndicator.divide(atr, close);
        Indicator<Num> volumeFloor = TransformIndicator.multiply(volumeMean, BareLoop.VOLUME_FACTOR);
        Indicator<Num> trendPercent =
                TransformIndicator.multiply(CombineIndicator.divide(CombineIndicator.minus(fast, slow), slow), 100);
        Indicator<Num> confidence = TransformIndicator.min(
                TransformIndicator.plus(TransformIndicator.divide(trendPercent, 100), BareLoop.BASE_CONFIDENCE),
                BareLoop.CONFIDENCE_CAP);

        Rule entry = new OverIndicatorRule(fast, slow)
                .and(new OverIndicatorRule(close, slow))
                .and(new UnderIndicatorRule(atrRatio, p.volatilityThreshold()))
                .and(new OverIndicatorRule(rsi, BareLoop.RSI_BUY_LOW))
                .and(new UnderIndicatorRule(rsi, BareLoop.RSI_BUY_HIGH))
                .and(new OverIndicatorRule(volume, volumeFloor))
                // confidence >= minimum, as "not below"
                .and(new NotRule(new UnderIndicatorRule(confidence, p.minConfidence())));
        Rule exit = new UnderIndicatorRule(fast, slow).or(new OverIndicatorRule(rsi, BareLoop.RSI_OVERBOUGHT));
        // ta4j treats bars [0, unstableBars) as unstable; the first decision is on the 36th candle, index 35
        Strategy strategy = new BaseStrategy("conservative", entry, exit, BareLoop.MIN_CANDLES - 1);
        return new Rules(entry, exit, strategy);
    }

    /** One backtest over the whole series with fresh indicators. */
    static TradingRecord run(BarSeries series) {
        Strategy strategy = rules(series).strategy();
        BarSeriesManager manager = new BarSeriesManager(
                series,
                new LinearTransactionCostModel(BareLoop.FEE_RATE),
                new ZeroCostModel(),
                new TradeOnCurrentCloseModel());
        return manager.run(strategy);
    }
}
