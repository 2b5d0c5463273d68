package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.notify.LogNotifier;
import io.cointrader.notify.Notifier;
import io.cointrader.notify.SlackNotifier;
import java.time.Clock;

/**
 * The notifier of a command: Slack (with the log as its fallback) when SLACK_WEBHOOK_URL is set, else
 * the log alone. Close it at the end of the command so that queued alerts are sent.
 */
final class Alerts implements Notifier, AutoCloseable {

    private final Notifier notifier;

    private Alerts(Notifier notifier) {
        this.notifier = notifier;
    }

    static Alerts fromSettings(Settings settings) {
        return new Alerts(settings.slackWebhookUrl()
                .<Notifier>map(url -> SlackNotifier.start(url, new LogNotifier(), Clock.systemUTC()))
                .orElseGet(LogNotifier::new));
    }

    @Override
    public void send(io.cointrader.core.Severity severity, String title, String text) {
        notifier.send(severity, title, text);
    }

    @Override
    public void close() {
        if (notifier instanceof SlackNotifier slack) {
            slack.close();
        }
    }
}
