package io.cointrader.config;

import java.math.BigDecimal;
import java.nio.file.Path;

/** Safety-layer thresholds (percentages in percent). */
public record SafetySettings(
        Path killSwitchFile,
        BigDecimal circuitBreakerThresholdPct,
        int apiFailureThreshold,
        BigDecimal priceAnomalyPct,
        BigDecimal spreadAnomalyPct,
        BigDecimal balanceMismatchTolerancePct) {}
