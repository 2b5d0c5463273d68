package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.config.Settings;
import io.cointrader.llm.LlmClient;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmReply;
import io.cointrader.llm.LlmRequest;
import io.cointrader.logging.Redactor;
import io.cointrader.notify.LogNotifier;
import io.cointrader.notify.SlackCheck;
import io.cointrader.notify.SlackNotifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The self-test's checks of the optional outside services: the LLM advisor and Slack. */
final class SelftestIntegrations {

    private SelftestIntegrations() {}

    static List<Check> checks(Settings settings, Redactor redactor, boolean notify) {
        return List.of(llm(settings), slack(settings, notify));
    }

    private static Check llm(Settings settings) {
        if (!settings.llm().enabled()) {
            return Check.skip("llm advisor", "LLM_ENABLED=false");
        }
        List<String> notes = new ArrayList<>();
        Optional<LlmClient> client = AdvisorWiring.client(settings.llm(), notes::add);
        if (client.isEmpty()) {
            return new Check(
                    "llm advisor",
                    Status.WARN,
                    String.join("; ", notes),
                    "trading works without it; fix LLM_* to get advice");
        }
        Clock clock = Clock.systemUTC();
        java.time.Instant start = clock.instant();
        try {
            LlmReply reply = client.get()
                    .complete(new LlmRequest(
                            "You check connectivity. Answer with the JSON object {\"ok\": true} and nothing else.",
                            "ping",
                            200));
            long millis = java.time.Duration.between(start, clock.instant()).toMillis();
            return Check.pass(
                    "llm advisor",
                    client.get().describe() + " answered in " + millis + " ms (" + reply.totalTokens() + " tokens)");
        } catch (LlmException e) {
            return new Check(
                    "llm advisor",
                    Status.WARN,
                    client.get().describe() + ": " + e.kind() + " " + e.getMessage(),
                    "trading works without it; check the key, the plan or the network");
        }
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
