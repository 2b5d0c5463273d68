/**
 * Storage of the Upbit API keys: {@link io.cointrader.security.KeyManager} reads and writes the
 * encrypted key file (Fernet tokens, {@link io.cointrader.security.Fernet}), and {@link
 * io.cointrader.security.KeyPrompt} asks the user for the keys without echo. Nothing here logs, and
 * no exception message carries key material.
 */
package io.cointrader.security;
