package io.cointrader.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Upbit KRW-market price grid (table of 2025-07-31, upbit-api.md section 6). A per-pair tick from
 * the exchange ({@code /v1/orderbook/instruments}) takes precedence; this table is the fallback.
 */
public final class TickSize {

    private static final BigDecimal[][] KRW_TABLE = {
        {new BigDecimal("1000000"), new BigDecimal("1000")},
        {new BigDecimal("500000"), new BigDecimal("500")},
        {new BigDecimal("100000"), new BigDecimal("100")},
        {new BigDecimal("50000"), new BigDecimal("50")},
        {new BigDecimal("10000"), new BigDecimal("10")},
        {new BigDecimal("5000"), new BigDecimal("5")},
        {new BigDecimal("100"), new BigDecimal("1")},
        {new BigDecimal("10"), new BigDecimal("0.1")},
        {new BigDecimal("1"), new BigDecimal("0.01")},
        {new BigDecimal("0.1"), new BigDecimal("0.001")},
        {new BigDecimal("0.01"), new BigDecimal("0.0001")},
        {new BigDecimal("0.001"), new BigDecimal("0.00001")},
        {new BigDecimal("0.0001"), new BigDecimal("0.000001")},
        {new BigDecimal("0.00001"), new BigDecimal("0.0000001")},
    };
    private static final BigDecimal SMALLEST = new BigDecimal("0.00000001");

    /** Minimum order total on the KRW market, in KRW. */
    public static final BigDecimal KRW_MIN_ORDER_TOTAL = new BigDecimal("5000");

    private TickSize() {}

    /** Tick for a KRW price according to the fallback table. */
    public static BigDecimal krwTick(BigDecimal price) {
        for (BigDecimal[] row : KRW_TABLE) {
            if (price.compareTo(row[0]) >= 0) {
                return row[1];
            }
        }
        return SMALLEST;
    }

    /** Largest grid price at or below {@code price} (for buys). */
    public static BigDecimal floorToTick(BigDecimal price, BigDecimal tick) {
        return price.divide(tick, 0, RoundingMode.FLOOR).multiply(tick).max(BigDecimal.ZERO);
    }

    /** Smallest grid price at or above {@code price} (for sells). */
    public static BigDecimal ceilToTick(BigDecimal price, BigDecimal tick) {
        return price.divide(tick, 0, RoundingMode.CEILING).multiply(tick);
    }
}
