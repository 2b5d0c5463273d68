package io.cointrader.strategy;

import io.cointrader.core.SignalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The BUY / SELL / HOLD rules of {@link ConservativeStrategy} on indicator values that are already
 * computed: pure, so every boundary can be tested without building a candle series.
 */
final class ConservativeRules {

    static final double RSI_BUY_LOW = 30.0;
    static final double RSI_BUY_HIGH = 65.0;
    static final double RSI_OVERBOUGHT = 75.0;
    static final double VOLUME_FACTOR = 0.5;
    static final double BASE_CONFIDENCE = 0.6;
    static final double CONFIDENCE_CAP = 0.9;
    static final double SELL_CONFIDENCE = 0.7;

    private static final MathContext SIX_DIGITS = new MathContext(6);

    private final ConservativeParameters parameters;

    ConservativeRules(ConservativeParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * BUY when every BUY condition holds and the confidence reaches the minimum; otherwise SELL when a
     * SELL condition holds; otherwise HOLD, naming the first BUY condition that failed.
     *
     * @param price current price, more than zero
     */
    Decision decide(IndicatorValues values, double price) {
        if (!(price > 0.0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive number, got " + price);
        }
        String buyBlocker = firstFailedBuyCondition(values, price);
        if (buyBlocker == null) {
            double confidence = Math.min(CONFIDENCE_CAP, BASE_CONFIDENCE + values.trendStrength() / 100.0);
            if (confidence >= parameters.minConfidence()) {
                return new Decision(SignalType.BUY, confidence, buyReason(values, price));
            }
            buyBlocker = "confidence " + format(confidence) + " below minimum " + format(parameters.minConfidence());
        }
        String sellReason = sellReason(values);
        if (sellReason != null) {
            return new Decision(SignalType.SELL, SELL_CONFIDENCE, sellReason);
        }
        return new Decision(SignalType.HOLD, 0.0, "no buy: " + buyBlocker);
    }

    private String firstFailedBuyCondition(IndicatorValues v, double price) {
        if (!(v.fastEma() > v.slowEma())) {
            return "fast EMA " + format(v.fastEma()) + " not above slow EMA " + format(v.slowEma());
        }
        if (!(price > v.slowEma())) {
            return "price " + format(price) + " not above slow EMA " + format(v.slowEma());
        }
        double atrRatio = v.atr() / price;
        if (!(atrRatio < parameters.volatilityThreshold())) {
            return "volatility ATR/price " + format(atrRatio) + " not below "
                    + format(parameters.volatilityThreshold());
        }
        if (!(v.rsi() > RSI_BUY_LOW && v.rsi() < RSI_BUY_HIGH)) {
            return "RSI " + format(v.rsi()) + " not between " + format(RSI_BUY_LOW) + " and " + format(RSI_BUY_HIGH);
        }
        if (!(v.volume() > VOLUME_FACTOR * v.volumeMean())) {
            return "volume " + format(v.volume()) + " not above " + format(VOLUME_FACTOR) + " x the "
                    + parameters.volumeWindow() + "-candle mean " + format(v.volumeMean());
        }
        return null;
    }

    private String buyReason(IndicatorValues v, double price) {
        return "uptrend with low volatility: fast EMA above slow EMA by " + format(v.trendStrength())
                + " %, price above slow EMA, ATR/price " + format(v.atr() / price) + ", RSI " + format(v.rsi())
                + ", volume " + format(v.volume() / v.volumeMean()) + " x mean";
    }

    private static String sellReason(IndicatorValues v) {
        List<String> reasons = new ArrayList<>(2);
        if (v.fastEma() < v.slowEma()) {
            reasons.add(
                    "trend reversal (fast EMA " + format(v.fastEma()) + " below slow EMA " + format(v.slowEma()) + ")");
        }
        if (v.rsi() > RSI_OVERBOUGHT) {
            reasons.add("RSI overbought (RSI " + format(v.rsi()) + " above " + format(RSI_OVERBOUGHT) + ")");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Six significant digits, plain notation: readable for KRW prices and for ratios alike. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }
}
