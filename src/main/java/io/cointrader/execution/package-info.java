/**
 * The execution engine, the only path to a broker: kill-switch gate, idempotency, risk gate,
 * write-ahead of the intent, broker call, persistence of orders and fills; and reconciliation of
 * intents whose outcome is not known.
 */
package io.cointrader.execution;
