package io.cointrader.config;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Risk settings as configured (percentages in percent, e.g. 10 for 10 %).
 *
 * @param allowMarketOrders DEFAULT_ORDER_TYPE=market
 * @param maxCapitalKrw MAX_CAPITAL_KRW: the most the trader may have invested at once; empty for no cap
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
        int maxLeverage,
        Optional<BigDecimal> maxCapitalKrw) {}
