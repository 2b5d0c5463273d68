package io.cointrader.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The risk limits, built once from the settings; nothing can change them while the process runs.
 * Percentages are in percent (10 means 10 %).
 *
 * @param maxPositionSizePct the most one symbol may take (position + open buys + order), as a
 *     percentage of total equity; more than 0 and at most 100
 * @param maxPositions how many distinct symbols may be held (or bought) at once
 * @param dailyMaxDrawdownPct today's loss, as a percentage of the day-start equity, at which buys stop
 * @param maxOrdersPerSecond orders allowed within one second
 * @param maxOrdersPerDay orders allowed within one trading day
 * @param maxSlippageBps largest distance of a limit price from the market price, in basis points
 * @param allowMarketOrders DEFAULT_ORDER_TYPE=market; otherwise only limit orders pass
 * @param futuresEnabled whether derivative symbols may be traded at all
 * @param maxLeverage at least 1; only meaningful for derivatives
 * @param maxCapital the most the trader may have invested at once (its positions at market price plus its
 *     open buys), in the quote currency; empty for no cap
 */
public record RiskLimits(
        BigDecimal maxPositionSizePct,
        int maxPositions,
        BigDecimal dailyMaxDrawdownPct,
        int maxOrdersPerSecond,
        int maxOrdersPerDay,
        int maxSlippageBps,
        boolean allowMarketOrders,
        boolean futuresEnabled,
        int maxLeverage,
        Optional<BigDecimal> maxCapital) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RiskLimits {
        Objects.requireNonNull(maxPositionSizePct, "maxPositionSizePct");
        Objects.requireNonNull(dailyMaxDrawdownPct, "dailyMaxDrawdownPct");
        if (maxPositionSizePct.signum() <= 0 || maxPositionSizePct.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(
                    "maxPositionSizePct must be more than 0 and at most 100, got " + maxPositionSizePct);
        }
        if (dailyMaxDrawdownPct.signum() <= 0 || dailyMaxDrawdownPct.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(
                    "dailyMaxDrawdownPct must be more than 0 and at most 100, got " + dailyMaxDrawdownPct);
        }
        requireAtLeast(maxPositions, 1, "maxPositions");
        requireAtLeast(maxOrdersPerSecond, 1, "maxOrdersPerSecond");
        requireAtLeast(maxOrdersPerDay, 1, "maxOrdersPerDay");
        requireAtLeast(maxSlippageBps, 0, "maxSlippageBps");
        requireAtLeast(maxLeverage, 1, "maxLeverage");
        Objects.requireNonNull(maxCapital, "maxCapital");
        if (maxCapital.isPresent() && maxCapital.get().signum() <= 0) {
            throw new IllegalArgumentException("maxCapital must be more than 0, got " + maxCapital.get());
        }
    }

    /** The limits without a capital cap. */
    public RiskLimits(
            BigDecimal maxPositionSizePct,
            int maxPositions,
            BigDecimal dailyMaxDrawdownPct,
            int maxOrdersPerSecond,
            int maxOrdersPerDay,
            int maxSlippageBps,
            boolean allowMarketOrders,
            boolean futuresEnabled,
            int maxLeverage) {
        this(
                maxPositionSizePct,
                maxPositions,
                dailyMaxDrawdownPct,
                maxOrdersPerSecond,
                maxOrdersPerDay,
                maxSlippageBps,
                allowMarketOrders,
                futuresEnabled,
                maxLeverage,
                Optional.empty());
    }

    /** The defaults of the specification: 10 %, 5 symbols, 5 %, 1/s, 100/day, 50 bps, limit only, spot only. */
    public static RiskLimits defaults() {
        return new RiskLimits(BigDecimal.TEN, 5, BigDecimal.valueOf(5), 1, 100, 50, false, false, 1);
    }

    private static void requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
