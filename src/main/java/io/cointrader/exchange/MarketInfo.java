package io.cointrader.exchange;

import io.cointrader.core.Symbol;

/** A listed market with its display names. */
public record MarketInfo(Symbol symbol, String koreanName, String englishName) {}
