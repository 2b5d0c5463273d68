package io.cointrader.notify;

import io.cointrader.core.Severity;

/**
 * Sends an alert to people. Must return quickly and never throw: a notifier failure never disturbs
 * trading.
 */
public interface Notifier {

    void send(Severity severity, String title, String text);
}
