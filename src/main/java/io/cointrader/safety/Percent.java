package io.cointrader.safety;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Percentage arithmetic: exact comparisons for decisions, rounded values only for event details. */
final class Percent {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int DETAIL_SCALE = 4;
    private static final double SCREEN_MARGIN = 1e-9;

    private Percent() {}

    /** True when {@code part / whole * 100 >= pct}, compared exactly as {@code part * 100 >= pct * whole}. */
    static boolean atLeast(BigDecimal part, BigDecimal whole, BigDecimal pct) {
        return part.multiply(HUNDRED).compareTo(pct.multiply(whole)) >= 0;
    }

    /**
     * A screen for {@link #atLeast} in {@code double} maths: false only when {@code atLeast} is
     * certainly false. The margin (a billionth of the threshold, plus a billionth of the whole) is
     * far wider than the rounding of the doubles, so the exact comparison is needed only near the
     * threshold: a backtest checks millions of prices without allocating.
     */
    static boolean mayReach(double part, double whole, double pct) {
        return Math.abs(part) * 100.0 >= (pct * (1.0 - SCREEN_MARGIN) - SCREEN_MARGIN) * whole;
    }

    /** True when {@code part / whole * 100 > pct}, compared exactly. */
    static boolean above(BigDecimal part, BigDecimal whole, BigDecimal pct) {
        return part.multiply(HUNDRED).compareTo(pct.multiply(whole)) > 0;
    }

    /** {@code part / whole * 100} as a plain string with at most four decimals, e.g. {@code "12.5"}. */
    static String of(BigDecimal part, BigDecimal whole) {
        BigDecimal pct = part.multiply(HUNDRED)
                .divide(whole, MathContext.DECIMAL64)
                .setScale(DETAIL_SCALE, RoundingMode.HALF_UP);
        return plain(pct);
    }

    /** Plain notation without trailing zeros: {@code 100}, not {@code 1E+2} or {@code 100.0000}. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal requirePositive(BigDecimal pct, String name) {
        if (pct == null || pct.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be more than zero, got " + pct);
        }
        return pct;
    }
}
