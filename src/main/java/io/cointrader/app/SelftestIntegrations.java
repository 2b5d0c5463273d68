package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.config.Settings;
import io.cointrader.logging.Redactor;
import io.cointrader.notify.LogNotifier;
import io.cointrader.notify.SlackCheck;
import io.cointrader.notify.SlackNotifier;
import java.time.Clock;
import java.util.List;

/** The self-test's checks of the optional outside services: the LLM advisor and Slack. */
final class SelftestIntegrations {

    private SelftestIntegrations() {}

    static List<Check> checks(Settings settings, Redactor redactor, boolean notify) {
        return List.of(llm(settings), slack(settings, notify));
    }

    private static Check llm(Settings settings) {
        return Check.skip("llm advisor", "LLM_ENABLED=false");
    }

    private static Check slack(Settings settings, boolean notify) {
        if (settings.slackWebhookUrl().isEmpty()) {
            return Check.skip("slack", "SLACK_WEBHOOK_URL not set; alerts go to logs/safety.jsonl");
        }
        if (!notify) {
            return Check.pass("slack", "webhook configured (not contacted)");
        }
        SlackNotifier slack;
        try {
            slack = SlackNotifier.start(settings.slackWebhookUrl().get(), new LogNotifier(), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return new Check("slack", Status.FAIL, e.getMessage(), "check SLACK_WEBHOOK_URL");
        }
        try (slack) {
            SlackCheck result = slack.sendTest();
            return result.ok()
                    ? Check.pass("slack", "test message delivered")
                    : new Check(
                            "slack",
                            Status.FAIL,
                            result.describe(),
                            "check SLACK_WEBHOOK_URL and that the Slack app is still installed");
        }
    }
}
