/**
 * The risk gate: immutable {@link io.cointrader.risk.RiskLimits} and the {@link
 * io.cointrader.risk.RiskManager} that every order intent passes before a broker sees it. Pure: no
 * I/O and no clock reads; the caller hands in the state and the time.
 */
package io.cointrader.risk;
