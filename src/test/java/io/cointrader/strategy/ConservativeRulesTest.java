package io.cointrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cointrader.core.SignalType;
import org.junit.jupiter.api.Test;

/** Every boundary of every condition, on the pure rule function. */
class ConservativeRulesTest {

    private static final double PRICE = 200.0;

    private final ConservativeRules rules = new ConservativeRules(ConservativeParameters.defaults());

    /** fast 101 / slow 100 (trend 1 %), ATR/price 0.01, RSI 50, volume at its mean: a clean BUY. */
    private static IndicatorValues buyable() {
        return new IndicatorValues(101.0, 100.0, 2.0, 50.0, 10.0, 10.0);
    }

    @Test
    void buysWhenEveryConditionHolds() {
        Decision d = rules.decide(buyable(), PRICE);
        assertThat(d.type()).isEqualTo(SignalType.BUY);
        assertThat(d.confidence()).isCloseTo(0.61, within(1e-12));
        assertThat(d.reason()).startsWith("uptrend with low volatility").contains("RSI 50");
    }

    @Test
    void holdsWhenFastEmaEqualsSlowEma() {
        Decision d = rules.decide(with(buyable(), 100.0, 100.0), PRICE);
        assertThat(d.type()).isEqualTo(SignalType.HOLD);
        assertThat(d.reason()).isEqualTo("no buy: fast EMA 100 not above slow EMA 100");
    }

    @Test
    void sellsOnTrendReversalWhenFastEmaIsBelowSlowEma() {
        Decision d = rules.decide(with(buyable(), 99.999, 100.0), PRICE);
        assertThat(d.type()).isEqualTo(SignalType.SELL);
        assertThat(d.confidence()).isEqualTo(0.7);
        assertThat(d.reason()).startsWith("trend reversal");
    }

    @Test
    void holdsWhenPriceEqualsSlowEmaAndBuysJustAbove() {
        assertThat(rules.decide(buyable(), 100.0).reason())
                .isEqualTo("no buy: price 100 not above slow EMA 100")
                .startsWith("no buy");
        assertThat(rules.decide(buyable(), 100.0).type()).isEqualTo(SignalType.HOLD);
        assertThat(rules.decide(atrFor(buyable(), 0.0), 100.0001).type()).isEqualTo(SignalType.BUY);
    }

    @Test
    void holdsWhenAtrRatioIsExactlyTheThresholdAndBuysJustBelow() {
        Decision atThreshold = rules.decide(atrFor(buyable(), 6.0), PRICE); // 6 / 200 = 0.03
        assertThat(atThreshold.type()).isEqualTo(SignalType.HOLD);
        assertThat(atThreshold.reason()).isEqualTo("no buy: volatility ATR/price 0.03 not below 0.03");
        assertThat(rules.decide(atrFor(buyable(), 5.9999), PRICE).type()).isEqualTo(SignalType.BUY);
    }

    @Test
    void holdsWhenRsiIsExactlyThirtyOrSixtyFiveAndBuysJustInside() {
        assertThat(rules.decide(rsi(30.0), PRICE).type()).isEqualTo(SignalType.HOLD);
        assertThat(rules.decide(rsi(30.0), PRICE).reason()).isEqualTo("no buy: RSI 30 not between 30 and 65");
        assertThat(rules.decide(rsi(65.0), PRICE).type()).isEqualTo(SignalType.HOLD);
        assertThat(rules.decide(rsi(30.0001), PRICE).type()).isEqualTo(SignalType.BUY);
        assertThat(rules.decide(rsi(64.9999), PRICE).type()).isEqualTo(SignalType.BUY);
    }

    @Test
    void sellsOnlyWhenRsiIsAboveSeventyFive() {
        Decision atSeventyFive = rules.decide(rsi(75.0), PRICE);
        assertThat(atSeventyFive.type()).isEqualTo(SignalType.HOLD);
        assertThat(atSeventyFive.reason()).startsWith("no buy: RSI 75");
        Decision above = rules.decide(rsi(75.0001), PRICE);
        assertThat(above.type()).isEqualTo(SignalType.SELL);
        assertThat(above.confidence()).isEqualTo(0.7);
        assertThat(above.reason()).startsWith("RSI overbought");
    }

    @Test
    void namesBothSellReasonsWhenBothHold() {
        IndicatorValues v = new IndicatorValues(99.0, 100.0, 2.0, 80.0, 10.0, 10.0);
        Decision d = rules.decide(v, PRICE);
        assertThat(d.type()).isEqualTo(SignalType.SELL);
        assertThat(d.reason()).startsWith("trend reversal").contains("; RSI overbought");
    }

    @Test
    void holdsWhenVolumeIsExactlyHalfTheMeanAndBuysJustAbove() {
        Decision atHalf = rules.decide(volume(5.0, 10.0), PRICE);
        assertThat(atHalf.type()).isEqualTo(SignalType.HOLD);
        assertThat(atHalf.reason()).isEqualTo("no buy: volume 5 not above 0.5 x the 20-candle mean 10");
        assertThat(rules.decide(volume(5.0001, 10.0), PRICE).type()).isEqualTo(SignalType.BUY);
    }

    @Test
    void reportsTheFirstFailedBuyConditionInSpecOrder() {
        // RSI 70 fails the buy range but is not overbought, so every case below is a HOLD.
        assertThat(rules.decide(new IndicatorValues(101.0, 100.0, 50.0, 70.0, 0.0, 10.0), 99.0)
                        .reason())
                .startsWith("no buy: price");
        assertThat(rules.decide(new IndicatorValues(101.0, 100.0, 50.0, 70.0, 0.0, 10.0), PRICE)
                        .reason())
                .startsWith("no buy: volatility");
        assertThat(rules.decide(new IndicatorValues(101.0, 100.0, 1.0, 70.0, 0.0, 10.0), PRICE)
                        .reason())
                .startsWith("no buy: RSI");
        assertThat(rules.decide(new IndicatorValues(101.0, 100.0, 1.0, 50.0, 0.0, 10.0), PRICE)
                        .reason())
                .startsWith("no buy: volume");
    }

    @Test
    void capsConfidenceAtNinety() {
        assertThat(rules.decide(with(buyable(), 120.0, 100.0), PRICE).confidence())
                .isCloseTo(0.8, within(1e-12));
        assertThat(rules.decide(with(buyable(), 130.0, 100.0), PRICE).confidence())
                .isCloseTo(0.9, within(1e-12))
                .isLessThanOrEqualTo(0.9);
        assertThat(rules.decide(with(buyable(), 140.0, 100.0), PRICE).confidence())
                .isEqualTo(0.9);
        assertThat(rules.decide(with(buyable(), 190.0, 100.0), PRICE).confidence())
                .isEqualTo(0.9);
    }

    @Test
    void holdsWhenConfidenceIsBelowTheMinimumAndBuysAtIt() {
        ConservativeParameters d = ConservativeParameters.defaults();
        ConservativeRules strict = new ConservativeRules(new ConservativeParameters(
                d.fastPeriod(), d.slowPeriod(), d.atrPeriod(), d.rsiPeriod(), d.volatilityThreshold(), 0.7, 20));
        Decision atMinimum = strict.decide(with(buyable(), 110.0, 100.0), PRICE); // 0.6 + 0.1 = 0.7
        assertThat(atMinimum.type()).isEqualTo(SignalType.BUY);
        assertThat(atMinimum.confidence()).isEqualTo(0.7);
        Decision below = strict.decide(with(buyable(), 109.99, 100.0), PRICE);
        assertThat(below.type()).isEqualTo(SignalType.HOLD);
        assertThat(below.reason()).startsWith("no buy: confidence 0.6999").endsWith("below minimum 0.7");
    }

    @Test
    void rejectsAPriceThatIsNotPositive() {
        assertThatThrownBy(() -> rules.decide(buyable(), 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.decide(buyable(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsNumbersWithSixSignificantDigits() {
        assertThat(ConservativeRules.format(157_065_000.0)).isEqualTo("157065000");
        assertThat(ConservativeRules.format(0.0123456789)).isEqualTo("0.0123457");
        assertThat(ConservativeRules.format(64.99999999)).isEqualTo("65");
    }

    private static IndicatorValues with(IndicatorValues v, double fast, double slow) {
        return new IndicatorValues(fast, slow, v.atr(), v.rsi(), v.volume(), v.volumeMean());
    }

    private static IndicatorValues atrFor(IndicatorValues v, double atr) {
        return new IndicatorValues(v.fastEma(), v.slowEma(), atr, v.rsi(), v.volume(), v.volumeMean());
    }

    private static IndicatorValues rsi(double rsi) {
        IndicatorValues v = buyable();
        return new IndicatorValues(v.fastEma(), v.slowEma(), v.atr(), rsi, v.volume(), v.volumeMean());
    }

    private static IndicatorValues volume(double volume, double mean) {
        IndicatorValues v = buyable();
        return new IndicatorValues(v.fastEma(), v.slowEma(), v.atr(), v.rsi(), volume, mean);
    }
}
