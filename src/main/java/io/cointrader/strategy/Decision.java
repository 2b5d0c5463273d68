package io.cointrader.strategy;

import io.cointrader.core.SignalType;

/** Outcome of {@link ConservativeRules#decide}: what to do, how sure, and why in words. */
record Decision(SignalType type, double confidence, String reason) {}
