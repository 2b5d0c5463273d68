package io.cointrader.strategy;

import java.util.Map;

/** Indicator values of the newest candle, as {@link ConservativeRules} sees them. */
record IndicatorValues(double fastEma, double slowEma, double atr, double rsi, double volume, double volumeMean) {

    /** (fast − slow) / slow in percent. */
    double trendStrength() {
        return trendStrength(fastEma, slowEma);
    }

    static double trendStrength(double fastEma, double slowEma) {
        return (fastEma - slowEma) / slowEma * 100.0;
    }

    Map<String, Double> asMap(double price) {
        return Map.of(
                "fast_ema", fastEma,
                "slow_ema", slowEma,
                "atr", atr,
                "atr_ratio", atr / price,
                "rsi", rsi,
                "volume", volume,
                "volume_mean", volumeMean,
                "trend_strength", trendStrength(),
                "price", price);
    }
}
