package io.cointrader.notify;

import io.cointrader.core.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifier used when no alert channel is configured: alerts go to the general log. */
public final class LogNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger("cointrader.alerts");

    @Override
    public void send(Severity severity, String title, String text) {
        (severity == Severity.INFO ? LOG.atInfo() : LOG.atWarn())
                .addKeyValue("event", "alert")
                .addKeyValue("severity", severity.name())
                .log("[{}] {}: {}", severity, title, text);
    }
}
