/** The notifier port for alerts (Slack later) and the logging notifier used when none is configured. */
package io.cointrader.notify;
