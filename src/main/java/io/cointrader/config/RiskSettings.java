package io.cointrader.config;

import java.math.BigDecimal;

/**
 * Risk settings as configured (percentages in percent, e.g. 10 for 10 %).
 *
 * @param allowMarketOrders DEFAULT_ORDER_TYPE=market
 */
public record RiskSettings(
        BigDecimal maxPositionSizePct,
        int maxPositions,
        BigDecimal dailyMaxDrawdownPct,
        int maxOrdersPerSecond,
        int maxOrdersPerDay,
        int maxSlippageBps,
        boolean allowMarketOrders,
        boolean futuresEnabled,
        int maxLeverage) {}
