/**
 * The safety layer around the trading loop: the {@link io.cointrader.safety.KillSwitch} (a file that
 * survives restarts, or a flag for this process only), the {@link io.cointrader.safety.AnomalyMonitor}
 * (API failures, price jumps, wide spreads, balance mismatches) and the {@link
 * io.cointrader.safety.CircuitBreaker} (move against the previous day's close). Detectors return
 * {@link io.cointrader.core.SafetyEvent} values; persisting, logging and alerting them is the
 * caller's job.
 */
package io.cointrader.safety;
