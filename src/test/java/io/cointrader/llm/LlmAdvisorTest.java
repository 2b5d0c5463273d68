package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.cointrader.testing.LogCapture;
import io.cointrader.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmAdvisorTest {

    private static final String ADVICE =
            "{\"action\":\"SELL_CONSIDER\",\"confidence\":0.4,\"reasoning\":\"momentum fading\",\"risk_notes\":\"news\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedLlmClient client = new ScriptedLlmClient();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of(LlmAdvisor.class, Level.DEBUG);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private LlmAdvisor advisor(AdvisorBudget budget) {
        return new LlmAdvisor(
                client,
                budget,
                new BigDecimal("0.5"),
                clock,
                RetryPolicy.standard(Duration.ofSeconds(20), sleeper, clock));
    }

    private LlmAdvisor advisor() {
        return advisor(new AdvisorBudget(100, 100_000, clock));
    }

    private static Map<String, Object> context(String price, String signal) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("price", price);
        context.put("prev_close", null);
        context.put("signal", signal);
        context.put("indicators", Map.of("rsi", 41.5));
        context.put("recent_closes", List.of("100", "101"));
        return context;
    }

    @Test
    void returnsValidAdviceAsGivenAndAsksWithTheAdvicePrompt() {
        client.reply(ADVICE);

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD")))
                .contains(new Advisor.Advice("SELL_CONSIDER", 0.4, "momentum fading", "news"));

        LlmRequest sent = client.requests().get(0);
        assertThat(sent.system()).isEqualTo(AdvicePrompt.SYSTEM);
        assertThat(sent.user()).startsWith("{\"symbol\":\"KRW-BTC\",\"price\":\"100000\"");
        assertThat(sent.maxOutputTokens()).isEqualTo(AdvicePrompt.MAX_OUTPUT_TOKENS);
    }

    @Test
    void returnsFencedAdvice() {
        client.reply("```json\n" + ADVICE + "\n```");

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD")))
                .map(Advisor.Advice::action)
                .contains("SELL_CONSIDER");
    }

    @Test
    void discardsProseWithOneWarning() {
        client.reply("I think you should sell. " + ADVICE);

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD"))).isEmpty();
        assertThat(logs.events(Level.WARN)).hasSize(1);
    }

    @Test
    void discardsATruncatedReplyEvenIfItParses() {
        client.reply(new LlmReply(ADVICE, true, 10, 10, "req-t"));

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD"))).isEmpty();
    }

    @Test
    void doesNotCallTheClientOnceTheCallBudgetIsUsed() {
        client.reply(ADVICE);
        LlmAdvisor advisor = advisor(new AdvisorBudget(1, 100_000, clock));

        assertThat(advisor.advise("KRW-BTC", context("100000", "HOLD"))).isPresent();
        assertThat(advisor.advise("KRW-ETH", context("5000000", "BUY"))).isEmpty();

        assertThat(client.requests()).hasSize(1);
        assertThat(logs.events(Level.WARN)).isEmpty();
        assertThat(logs.events(Level.INFO)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("KRW-ETH")
                .contains("budget"));
    }

    @Test
    void countsReplyTokensAgainstTheTokenBudget() {
        client.reply(new LlmReply(ADVICE, false, 700, 300, "r"));
        AdvisorBudget budget = new AdvisorBudget(100, 1_000, clock);
        LlmAdvisor advisor = advisor(budget);

        advisor.advise("KRW-BTC", context("100000", "HOLD"));
        assertThat(advisor.advise("KRW-ETH", context("5000000", "BUY"))).isEmpty();

        assertThat(budget.usage().tokens()).isEqualTo(1_000);
        assertThat(client.requests()).hasSize(1);
    }

    @Test
    void skipsASymbolWhosePriceBarelyMovedWithTheSameSignal() {
        client.reply(ADVICE).reply(ADVICE).reply(ADVICE).reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise("KRW-BTC", context("100000", "HOLD"))).isPresent();
        assertThat(advisor.advise("KRW-BTC", context("100400", "HOLD"))).isEmpty();
        assertThat(advisor.advise("KRW-BTC", context("99600", "HOLD"))).isEmpty();
        assertThat(client.requests()).hasSize(1);

        assertThat(advisor.advise("KRW-BTC", context("100500", "HOLD"))).isPresent();
        assertThat(advisor.advise("KRW-BTC", context("100500", "SELL"))).isPresent();
        assertThat(advisor.advise("KRW-ETH", context("100500", "SELL"))).isPresent();
        assertThat(client.requests()).hasSize(4);
        assertThat(logs.events(Level.WARN)).isEmpty();
        assertThat(logs.events(Level.DEBUG))
                .filteredOn(e -> e.getFormattedMessage().contains("not asked"))
                .hasSize(2);
    }

    @Test
    void asksAgainAfterAFailedAdviceEvenIfThePriceDidNotMove() {
        client.reply("not json").reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise("KRW-BTC", context("100000", "HOLD"))).isEmpty();
        assertThat(advisor.advise("KRW-BTC", context("100000", "HOLD"))).isPresent();
    }

    @Test
    void turnsAProviderFailureIntoEmptyAdviceAndOneWarning() {
        client.fail(new LlmException(LlmException.Kind.AUTH, "openai: HTTP 401 invalid_api_key"));

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD"))).isEmpty();

        assertThat(logs.events(Level.WARN)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("AUTH")
                .contains("HTTP 401"));
    }

    @Test
    void retriesATransientFailureThroughThePolicy() {
        client.fail(new LlmException(LlmException.Kind.UNAVAILABLE, "busy")).reply(ADVICE);

        assertThat(advisor().advise("KRW-BTC", context("100000", "HOLD"))).isPresent();
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void asksWhenTheContextHasNoReadablePrice() {
        client.reply(ADVICE).reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise("KRW-BTC", context("n/a", "HOLD"))).isPresent();
        assertThat(advisor.advise("KRW-BTC", context("n/a", "HOLD"))).isPresent();
    }
}
