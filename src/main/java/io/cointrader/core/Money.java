package io.cointrader.core;

import java.math.BigDecimal;

/** Small helpers for {@link BigDecimal} money values. */
public final class Money {

    /** Upbit accepts at most eight decimals of base-currency volume. */
    public static final int VOLUME_SCALE = 8;

    private Money() {}

    public static BigDecimal of(String value) {
        return new BigDecimal(value);
    }

    public static boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    public static void requireNonNegative(BigDecimal value, String name) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be zero or more, got " + value);
        }
    }

    public static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be more than zero, got " + value);
        }
    }
}
