package io.cointrader.execution;

import java.util.Objects;

/**
 * What the execution engine calls besides the broker and the store: crash tests' hook on the order
 * path, the listener told about placed orders and fills, and the spacing that keeps the order rate.
 */
public record ExecutionHooks(CrashHook crashHook, TradeListener listener, OrderSpacing spacing) {

    /** No crash hook, no listener, no waiting. */
    public static final ExecutionHooks NONE = new ExecutionHooks(CrashHook.NONE, TradeListener.NONE, OrderSpacing.NONE);

    public ExecutionHooks {
        Objects.requireNonNull(crashHook, "crashHook");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(spacing, "spacing");
    }
}
