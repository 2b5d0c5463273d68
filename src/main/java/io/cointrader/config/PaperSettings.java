package io.cointrader.config;

import java.math.BigDecimal;

/** Paper account: starting KRW and fee rate per fill (0.0005 = 0.05 %). */
public record PaperSettings(BigDecimal initialKrw, BigDecimal feeRate) {}
