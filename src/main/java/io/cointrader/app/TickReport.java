package io.cointrader.app;

import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;

/** The outcome of one tick, for the console line and the run summary. {@code price} and {@code signal} may be null. */
record TickReport(Instant time, Symbol symbol, BigDecimal price, Signal signal, TickAction action, String detail) {}
