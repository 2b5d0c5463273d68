package io.cointrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Candle;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;

/** Our incremental indicators against ta4j 0.17 on real Upbit candles, after warm-up. */
class Ta4jReferenceTest {

    private static final int VALUES = 500;
    private static final int COMPARED = 150;
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private static List<Candle> candles;
    private static BarSeries series;

    @BeforeAll
    static void loadSeries() {
        candles = SampleCandles.btcHourly().subList(0, VALUES);
        series = new BaseBarSeriesBuilder()
                .withName("KRW-BTC")
                .withNumTypeOf(DecimalNum.class)
                .build();
        for (Candle c : candles) {
            series.addBar(
                    c.openTime().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC),
                    DecimalNum.valueOf(c.open().toPlainString()),
                    DecimalNum.valueOf(c.high().toPlainString()),
                    DecimalNum.valueOf(c.low().toPlainString()),
                    DecimalNum.valueOf(c.close().toPlainString()),
                    DecimalNum.valueOf(c.volume().toPlainString()));
        }
    }

    @Test
    void fastEmaMatchesTa4j() {
        assertEmaMatchesTa4j(12);
    }

    @Test
    void slowEmaMatchesTa4j() {
        assertEmaMatchesTa4j(26);
    }

    @Test
    void wilderAtrMatchesTa4j() {
        WilderAtr atr = new WilderAtr(14);
        double[] ours = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            Candle c = candles.get(i);
            atr.add(c.high().doubleValue(), c.low().doubleValue(), c.close().doubleValue());
            ours[i] = atr.value();
        }
        ATRIndicator reference = new ATRIndicator(series, 14);
        assertMatches(ours, i -> reference.getValue(i).doubleValue());
    }

    @Test
    void wilderRsiMatchesTa4j() {
        WilderRsi rsi = new WilderRsi(14);
        double[] ours = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            rsi.add(candles.get(i).close().doubleValue());
            ours[i] = rsi.value();
        }
        RSIIndicator reference = new RSIIndicator(new ClosePriceIndicator(series), 14);
        assertMatches(ours, i -> reference.getValue(i).doubleValue());
    }

    @Test
    void provisionalValuesMatchTa4jOnTheSameBar() {
        Ema ema = new Ema(26);
        WilderAtr atr = new WilderAtr(14);
        WilderRsi rsi = new WilderRsi(14);
        double[] emaPeeks = new double[VALUES];
        double[] atrPeeks = new double[VALUES];
        double[] rsiPeeks = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            Candle c = candles.get(i);
            double high = c.high().doubleValue();
            double low = c.low().doubleValue();
            double close = c.close().doubleValue();
            emaPeeks[i] = ema.peek(close);
            atrPeeks[i] = atr.peek(high, low, close);
            rsiPeeks[i] = rsi.peek(close);
            ema.add(close);
            atr.add(high, low, close);
            rsi.add(close);
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator emaReference = new EMAIndicator(close, 26);
        ATRIndicator atrReference = new ATRIndicator(series, 14);
        RSIIndicator rsiReference = new RSIIndicator(close, 14);
        assertMatches(emaPeeks, i -> emaReference.getValue(i).doubleValue());
        assertMatches(atrPeeks, i -> atrReference.getValue(i).doubleValue());
        assertMatches(rsiPeeks, i -> rsiReference.getValue(i).doubleValue());
    }

    @Test
    void seedingMatchesTa4jFromTheFirstBar() {
        // After hundreds of bars the seed has decayed below any tolerance; comparing from bar 0 is
        // what shows the seeding itself (first value, first true range h-l, zero first gain/loss).
        Ema ema = new Ema(26);
        WilderAtr atr = new WilderAtr(14);
        WilderRsi rsi = new WilderRsi(14);
        double[][] ours = new double[3][VALUES];
        for (int i = 0; i < VALUES; i++) {
            Candle c = candles.get(i);
            double close = c.close().doubleValue();
            ema.add(close);
            atr.add(c.high().doubleValue(), c.low().doubleValue(), close);
            rsi.add(close);
            ours[0][i] = ema.value();
            ours[1][i] = atr.value();
            ours[2][i] = rsi.value();
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator emaReference = new EMAIndicator(close, 26);
        ATRIndicator atrReference = new ATRIndicator(series, 14);
        RSIIndicator rsiReference = new RSIIndicator(close, 14);
        assertMatchesFrom(0, ours[0], i -> emaReference.getValue(i).doubleValue());
        assertMatchesFrom(0, ours[1], i -> atrReference.getValue(i).doubleValue());
        assertMatchesFrom(0, ours[2], i -> rsiReference.getValue(i).doubleValue());
    }

    private static void assertEmaMatchesTa4j(int period) {
        Ema ema = new Ema(period);
        double[] ours = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            ema.add(candles.get(i).close().doubleValue());
            ours[i] = ema.value();
        }
        EMAIndicator reference = new EMAIndicator(new ClosePriceIndicator(series), period);
        assertMatches(ours, i -> reference.getValue(i).doubleValue());
    }

    private static void assertMatches(double[] ours, IntToDoubleFunction reference) {
        assertMatchesFrom(VALUES - COMPARED, ours, reference);
    }

    private static void assertMatchesFrom(int first, double[] ours, IntToDoubleFunction reference) {
        for (int i = first; i < VALUES; i++) {
            double expected = reference.applyAsDouble(i);
            assertThat(Math.abs(ours[i] - expected))
                    .as("value %d: ours %s, ta4j %s", i, ours[i], expected)
                    .isLessThanOrEqualTo(Math.abs(expected) * RELATIVE_TOLERANCE);
        }
    }
}
