package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.app.SelfTest.Status;
import io.cointrader.config.Settings;
import io.cointrader.llm.AdviceParser;
import io.cointrader.llm.AdvicePrompt;
import io.cointrader.llm.LlmClient;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmReply;
import io.cointrader.logging.Redactor;
import io.cointrader.notify.LogNotifier;
import io.cointrader.notify.SlackCheck;
import io.cointrader.notify.SlackNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The self-test's checks of the optional outside services: the LLM advisor and Slack. */
final class SelftestIntegrations {

    static final String LLM = "llm advisor";

    /** A calm market to ask about: the answer should be HOLD, and in the advice format. */
    private static final Map<String, Object> PING =
            Map.of("price", "100000000", "signal", "HOLD", "note", "connectivity check by trader selftest");

    private SelftestIntegrations() {}

    static List<Check> checks(Settings settings, Redactor redactor, boolean notify) {
        return List.of(llm(settings), slack(settings, notify));
    }

    private static Check llm(Settings settings) {
        if (!settings.llm().enabled()) {
            return Check.skip(LLM, "LLM_ENABLED=false");
        }
        List<String> notes = new ArrayList<>();
        Optional<LlmClient> client = AdvisorWiring.client(settings.llm(), notes::add);
        if (client.isEmpty()) {
            return new Check(
                    LLM, Status.WARN, String.join("; ", notes), "trading works without it; fix LLM_* to get advice");
        }
        return ask(client.get(), Clock.systemUTC());
    }

    /**
     * One question as the advisor asks it, judged as the advisor judges the answer. A failure is a
     * warning, as is an advisor that cannot be built: trading works without advice.
     */
    private static Check ask(LlmClient client, Clock clock) {
        Instant start = clock.instant();
        LlmReply reply;
        try {
            reply = client.complete(AdvicePrompt.forContext("BTC/KRW", PING));
        } catch (LlmException e) {
            String hint = e.kind() == LlmException.Kind.UNREACHABLE
                    ? "trading works without it; check the LLM base URL and that the server is up"
                    : "trading works without it; check the key, the plan or the network";
            return new Check(LLM, Status.WARN, client.describe() + ": " + e.kind() + " " + e.getMessage(), hint);
        }
        long millis = Duration.between(start, clock.instant()).toMillis();
        String answered = client.describe() + " answered in " + millis + " ms";
        if (reply.truncated()) {
            return new Check(
                    LLM,
                    Status.WARN,
                    answered + ", but the answer was cut off at the output limit",
                    "the advisor discards such answers; choose a model that answers briefly (LLM_MODEL)");
        }
        if (AdviceParser.parse(reply.text()).isEmpty()) {
            return new Check(
                    LLM,
                    Status.WARN,
                    answered + ", but not with valid advice (" + reply.text().length() + " chars)",
                    "the advisor discards such answers; check LLM_MODEL and that the base URL is the model's API");
        }
        return Check.pass(LLM, answered + " with valid advice (" + reply.totalTokens() + " tokens)");
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
