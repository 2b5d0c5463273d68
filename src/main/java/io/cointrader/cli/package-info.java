/**
 * The {@code trader} command line (picocli). Commands parse and validate arguments, then call the
 * {@link io.cointrader.cli.TraderApp} that the composition root hands in.
 */
package io.cointrader.cli;
