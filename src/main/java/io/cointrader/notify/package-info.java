/**
 * Alerts to people: the notifier port, the logging notifier used when none is configured, and the
 * Slack incoming-webhook notifier (queued, paced, never blocking the caller, with the log as fallback).
 */
package io.cointrader.notify;
