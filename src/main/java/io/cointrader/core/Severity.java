package io.cointrader.core;

/** Alert severity, as the notifier understands it. */
public enum Severity {
    INFO,
    HIGH,
    CRITICAL
}
