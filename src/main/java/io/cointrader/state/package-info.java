/**
 * Durable state: the {@link io.cointrader.state.StateStore} port and its SQLite implementation
 * (WAL mode, one writer, versioned migrations).
 */
package io.cointrader.state;
