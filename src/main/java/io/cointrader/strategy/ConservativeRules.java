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
        requirePrice(price);
        SignalType type = type(
                values.fastEma(),
                values.slowEma(),
                values.atr(),
                values.rsi(),
                values.volume(),
                values.volumeMean(),
                price);
        return switch (type) {
            case BUY -> new Decision(
                    SignalType.BUY, confidence(values.fastEma(), values.slowEma()), buyReason(values, price));
            case SELL -> new Decision(SignalType.SELL, SELL_CONFIDENCE, sellReason(values));
            case HOLD -> new Decision(SignalType.HOLD, 0.0, "no buy: " + holdReason(values, price));
        };
    }

    /**
     * The type of {@link #decide} without its words: the one decision both the loop and the backtest's
     * hot path take, allocating nothing.
     */
    SignalType type(
            double fastEma, double slowEma, double atr, double rsi, double volume, double volumeMean, double price) {
        if (firstFailedBuyCondition(fastEma, slowEma, atr, rsi, volume, volumeMean, price) == null
                && confidence(fastEma, slowEma) >= parameters.minConfidence()) {
            return SignalType.BUY;
        }
        if (fastEma < slowEma || rsi > RSI_OVERBOUGHT) {
            return SignalType.SELL;
        }
        return SignalType.HOLD;
    }

    private static double confidence(double fastEma, double slowEma) {
        return Math.min(CONFIDENCE_CAP, BASE_CONFIDENCE + IndicatorValues.trendStrength(fastEma, slowEma) / 100.0);
    }

    private static void requirePrice(double price) {
        if (!(price > 0.0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a positive number, got " + price);
        }
    }

    /** The BUY conditions in the order they are checked; null from the check means all hold. */
    private enum BuyCondition {
        TREND,
        PRICE,
        VOLATILITY,
        RSI,
        VOLUME
    }

    private BuyCondition firstFailedBuyCondition(
            double fastEma, double slowEma, double atr, double rsi, double volume, double volumeMean, double price) {
        if (!(fastEma > slowEma)) {
            return BuyCondition.TREND;
        }
        if (!(price > slowEma)) {
            return BuyCondition.PRICE;
        }
        if (!(atr / price < parameters.volatilityThreshold())) {
            return BuyCondition.VOLATILITY;
        }
        if (!(rsi > RSI_BUY_LOW && rsi < RSI_BUY_HIGH)) {
            return BuyCondition.RSI;
        }
        if (!(volume > VOLUME_FACTOR * volumeMean)) {
            return BuyCondition.VOLUME;
        }
        return null;
    }

    private String holdReason(IndicatorValues v, double price) {
        BuyCondition failed =
                firstFailedBuyCondition(v.fastEma(), v.slowEma(), v.atr(), v.rsi(), v.volume(), v.volumeMean(), price);
        if (failed == null) {
            return "confidence " + format(confidence(v.fastEma(), v.slowEma())) + " below minimum "
                    + format(parameters.minConfidence());
        }
        return switch (failed) {
            case TREND -> "fast EMA " + format(v.fastEma()) + " not above slow EMA " + format(v.slowEma());
            case PRICE -> "price " + format(price) + " not above slow EMA " + format(v.slowEma());
            case VOLATILITY -> "volatility ATR/price " + format(v.atr() / price) + " not below "
                    + format(parameters.volatilityThreshold());
            case RSI -> "RSI " + format(v.rsi()) + " not between " + format(RSI_BUY_LOW) + " and "
                    + format(RSI_BUY_HIGH);
            case VOLUME -> "volume " + format(v.volume()) + " not above " + format(VOLUME_FACTOR) + " x the "
                    + parameters.volumeWindow() + "-candle mean " + format(v.volumeMean());
        };
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
