package io.cointrader.strategy;

/**
 * Tuning of {@link ConservativeStrategy}.
 *
 * @param fastPeriod EMA period of the fast trend line, shorter than {@code slowPeriod}
 * @param slowPeriod EMA period of the slow trend line
 * @param atrPeriod period of Wilder's ATR
 * @param rsiPeriod period of Wilder's RSI
 * @param volatilityThreshold BUY needs ATR / price below this (0.03 = 3 %)
 * @param minConfidence BUY needs a confidence of at least this, 0..1
 * @param volumeWindow candles in the volume mean, the newest included
 */
public record ConservativeParameters(
        int fastPeriod,
        int slowPeriod,
        int atrPeriod,
        int rsiPeriod,
        double volatilityThreshold,
        double minConfidence,
        int volumeWindow) {

    public ConservativeParameters {
        requirePositive(fastPeriod, "fastPeriod");
        requirePositive(slowPeriod, "slowPeriod");
        requirePositive(atrPeriod, "atrPeriod");
        requirePositive(rsiPeriod, "rsiPeriod");
        requirePositive(volumeWindow, "volumeWindow");
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException(
                    "fastPeriod (" + fastPeriod + ") must be shorter than slowPeriod (" + slowPeriod + ")");
        }
        if (!(volatilityThreshold > 0.0 && volatilityThreshold < 1.0)) {
            throw new IllegalArgumentException(
                    "volatilityThreshold must be between 0 and 1 (exclusive), got " + volatilityThreshold);
        }
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1, got " + minConfidence);
        }
    }

    /** Fast EMA 12, slow EMA 26, ATR 14, RSI 14, volatility threshold 0.03, min confidence 0.6, volume 20. */
    public static ConservativeParameters defaults() {
        return new ConservativeParameters(12, 26, 14, 14, 0.03, 0.6, 20);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
