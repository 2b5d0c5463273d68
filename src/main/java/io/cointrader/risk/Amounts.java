package io.cointrader.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Arithmetic and formatting shared by the checks; ratios are for display only, never for decisions. */
final class Amounts {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

    private static final MathContext RATIO = MathContext.DECIMAL64;
    private static final int DISPLAY_SCALE = 2;

    private Amounts() {}

    /** {@code numerator / denominator * factor}, rounded to two decimals for a human-readable reason. */
    static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        return numerator.multiply(factor).divide(denominator, RATIO).setScale(DISPLAY_SCALE, RoundingMode.HALF_UP);
    }

    /** Grouped with commas, at most eight decimals, trailing zeros dropped: {@code 1,234,567.5}. */
    static String format(BigDecimal value) {
        // DecimalFormat is not thread-safe, so one per call; reasons are built only on the order path.
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
