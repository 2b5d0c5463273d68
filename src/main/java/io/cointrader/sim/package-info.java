/**
 * An Upbit-compatible REST server on loopback for rehearsing the live path without real money: the
 * quotation endpoints serve replayed history, the exchange endpoints check real JWTs and keep
 * accounts, orders and fills that match against the replayed price path; {@code Remaining-Req}
 * budgets and scripted faults (5xx, slow, malformed, truncated or lost answers) are built in. Entry
 * point: {@link io.cointrader.sim.UpbitSimulator}.
 */
package io.cointrader.sim;
