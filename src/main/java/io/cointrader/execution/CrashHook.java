package io.cointrader.execution;

/** Called when the order path passes a {@link CrashPoint}; only crash tests install one that acts. */
@FunctionalInterface
public interface CrashHook {

    CrashHook NONE = point -> {};

    void reached(CrashPoint point);
}
