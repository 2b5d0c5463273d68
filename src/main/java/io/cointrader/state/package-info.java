/**
 * State: the {@link io.cointrader.state.StateStore} port, its durable SQLite implementation (WAL mode,
 * one writer, versioned migrations) and an in-memory implementation with the same answers, for
 * backtests.
 */
package io.cointrader.state;
