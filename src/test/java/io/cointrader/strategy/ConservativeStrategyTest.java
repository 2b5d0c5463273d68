package io.cointrader.strategy;

import static io.cointrader.strategy.Series.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cointrader.core.Candle;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConservativeStrategyTest {

    private final ConservativeStrategy strategy = new ConservativeStrategy(ConservativeParameters.defaults());

    @Test
    void needsThirtySixCandlesWithTheDefaults() {
        assertThat(strategy.minCandles()).isEqualTo(36);
        List<Candle> candles = Series.calmUptrend(36);

        Signal with35 = evaluate(candles.subList(0, 35));
        assertThat(with35.type()).isEqualTo(SignalType.HOLD);
        assertThat(with35.reason()).isEqualTo("insufficient data (35 of 36 candles)");
        assertThat(with35.candleTime()).isEqualTo(candles.get(34).openTime());

        Signal with36 = new ConservativeStrategy().evaluate(BTC, candles, Series.tickerAtClose(BTC, candles));
        assertThat(with36.type()).isEqualTo(SignalType.BUY);
        assertThat(with36.reason()).doesNotContain("insufficient");
    }

    @Test
    void holdsWithoutCandles() {
        Signal signal = strategy.evaluate(BTC, List.of(), null);
        assertThat(signal.type()).isEqualTo(SignalType.HOLD);
        assertThat(signal.reason()).startsWith("insufficient data");
        assertThat(signal.candleTime()).isNull();
    }

    @Test
    void buysInACalmUptrendAndReportsEveryIndicator() {
        List<Candle> candles = Series.calmUptrend(60);
        Signal signal = evaluate(candles);

        assertThat(signal.type()).isEqualTo(SignalType.BUY);
        assertThat(signal.strategy()).isEqualTo("conservative").isEqualTo(strategy.name());
        assertThat(signal.symbol()).isEqualTo(BTC);
        assertThat(signal.candleTime()).isEqualTo(candles.get(59).openTime());
        assertThat(signal.indicators())
                .containsOnlyKeys(
                        "fast_ema",
                        "slow_ema",
                        "atr",
                        "atr_ratio",
                        "rsi",
                        "volume",
                        "volume_mean",
                        "trend_strength",
                        "price");
        double fast = signal.indicators().get("fast_ema");
        double slow = signal.indicators().get("slow_ema");
        double trend = signal.indicators().get("trend_strength");
        assertThat(trend).isCloseTo((fast - slow) / slow * 100, within(1e-12));
        assertThat(signal.confidence()).isCloseTo(Math.min(0.9, 0.6 + trend / 100), within(1e-12));
        assertThat(signal.indicators().get("rsi")).isBetween(30.0, 65.0);
        assertThat(signal.indicators().get("price"))
                .isEqualTo(candles.get(59).close().doubleValue());
        assertThat(signal.indicators().get("atr_ratio"))
                .isEqualTo(signal.indicators().get("atr") / signal.indicators().get("price"));
    }

    @Test
    void sellsOnTrendReversalInADowntrend() {
        List<Candle> candles = Series.build(60, i -> 100_000_000.0 * (1 - 0.002 * i), 0.002, i -> 10.0);
        Signal signal = evaluate(candles);
        assertThat(signal.type()).isEqualTo(SignalType.SELL);
        assertThat(signal.confidence()).isEqualTo(0.7);
        assertThat(signal.reason()).startsWith("trend reversal");
    }

    @Test
    void sellsWhenRsiIsOverboughtInAStraightRally() {
        List<Candle> candles = Series.build(60, i -> 100_000_000.0 * (1 + 0.002 * i), 0.001, i -> 10.0);
        Signal signal = evaluate(candles);
        assertThat(signal.indicators().get("rsi")).isGreaterThan(75.0);
        assertThat(signal.type()).isEqualTo(SignalType.SELL);
        assertThat(signal.reason()).startsWith("RSI overbought");
    }

    @Test
    void holdsWhenVolatilityIsTooHigh() {
        List<Candle> candles = Series.build(60, Series::calmUptrendClose, 0.04, i -> 10.0);
        Signal signal = evaluate(candles);
        assertThat(signal.type()).isEqualTo(SignalType.HOLD);
        assertThat(signal.reason()).startsWith("no buy: volatility ATR/price");
    }

    @Test
    void holdsWhenTheFormingCandleVolumeIsExactlyHalfTheMeanAndBuysJustAbove() {
        // Closed volumes 39, forming x: mean = (19 * 39 + x) / 20, and x = 19 gives mean 38 = 2x.
        List<Candle> atHalf = withFormingVolume(Series.calmUptrend(60), 19.0);
        Signal hold = evaluate(atHalf);
        assertThat(hold.indicators().get("volume_mean")).isEqualTo(38.0);
        assertThat(hold.type()).isEqualTo(SignalType.HOLD);
        assertThat(hold.reason()).startsWith("no buy: volume 19 not above 0.5 x the 20-candle mean 38");

        assertThat(evaluate(withFormingVolume(Series.calmUptrend(60), 19.001)).type())
                .isEqualTo(SignalType.BUY);
    }

    @Test
    void takesThePriceFromTheTickerRatherThanTheFormingClose() {
        List<Candle> candles = Series.calmUptrend(60);
        Signal atClose = evaluate(candles);
        BigDecimal belowSlowEma =
                BigDecimal.valueOf(Math.floor(atClose.indicators().get("slow_ema") - 1));

        Signal signal = strategy.evaluate(BTC, candles, Series.ticker(BTC, belowSlowEma));
        assertThat(signal.type()).isEqualTo(SignalType.HOLD);
        assertThat(signal.reason()).startsWith("no buy: price");
        assertThat(signal.indicators().get("price")).isEqualTo(belowSlowEma.doubleValue());
        assertThat(signal.indicators().get("fast_ema"))
                .isEqualTo(atClose.indicators().get("fast_ema"));
    }

    @Test
    void usesTheNewestCloseWithoutATicker() {
        List<Candle> candles = Series.calmUptrend(60);
        Signal signal = strategy.evaluate(BTC, candles, null);
        assertThat(signal.type()).isEqualTo(SignalType.BUY);
        assertThat(signal.indicators().get("price"))
                .isEqualTo(candles.get(59).close().doubleValue());
    }

    @Test
    void holdsWhenTheTickerPriceIsNotPositive() {
        Signal signal = strategy.evaluate(BTC, Series.calmUptrend(60), Series.ticker(BTC, BigDecimal.ZERO));
        assertThat(signal.type()).isEqualTo(SignalType.HOLD);
        assertThat(signal.reason()).startsWith("no valid price");
    }

    @Test
    void rejectsATickerOfAnotherSymbol() {
        Symbol eth = Symbol.parse("ETH/KRW");
        List<Candle> candles = Series.calmUptrend(40);
        assertThatThrownBy(() -> strategy.evaluate(BTC, candles, Series.tickerAtClose(eth, candles)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETH/KRW");
    }

    @Test
    void longerIndicatorPeriodsRaiseTheCandlesNeeded() {
        ConservativeParameters longRsi = new ConservativeParameters(12, 26, 14, 50, 0.03, 0.6, 20);
        assertThat(new ConservativeStrategy(longRsi).minCandles()).isEqualTo(51);
        ConservativeParameters shortSlow = new ConservativeParameters(3, 5, 14, 14, 0.03, 0.6, 20);
        assertThat(new ConservativeStrategy(shortSlow).minCandles()).isEqualTo(20);
    }

    private Signal evaluate(List<Candle> candles) {
        return strategy.evaluate(BTC, candles, Series.tickerAtClose(BTC, candles));
    }

    private static List<Candle> withFormingVolume(List<Candle> candles, double formingVolume) {
        List<Candle> result = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            double volume = i == candles.size() - 1 ? formingVolume : 39.0;
            result.add(new Candle(c.openTime(), c.open(), c.high(), c.low(), c.close(), BigDecimal.valueOf(volume)));
        }
        return result;
    }
}
