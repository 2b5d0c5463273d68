package io.cointrader.web.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How the dashboard writes numbers: money as exact plain strings, percentages with two decimals. */
public final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    /** Plain notation without needless trailing zeros ({@code "100"}, not {@code "1E+2"}); null stays null. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * {@code part / whole * 100} with two decimals, rounded half up ({@code "-1.25"}); null when either is
     * unknown or {@code whole} is zero.
     */
    public static String percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED)
                .divide(whole, MathContext.DECIMAL128)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** For chart series, which are JSON numbers; null stays null. */
    public static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
