/**
 * Settings: one immutable record tree built once at start from flags, environment, {@code .env} and
 * defaults (in that order of precedence), validated before anything else is built.
 */
package io.cointrader.config;
