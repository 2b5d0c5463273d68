package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
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

    static final String ADVICE =
            "{\"action\":\"SELL_CONSIDER\",\"confidence\":0.4,\"reasoning\":\"momentum fading\",\"risk_notes\":\"news\"}";

    /** The wall clock: pauses after failures. The questions carry their own trading time. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedLlmClient client = new ScriptedLlmClient();
    private Instant tradingTime = Instant.parse("2025-10-21T09:00:00Z");
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of("io.cointrader.llm", Level.DEBUG);
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
        return advisor(new AdvisorBudget(100, 100_000));
    }

    /** One attempt per question: each scripted transient failure is one call without advice. */
    private LlmAdvisor advisorWithoutRetries() {
        return new LlmAdvisor(
                client,
                new AdvisorBudget(100, 100_000),
                new BigDecimal("0.5"),
                clock,
                new RetryPolicy(
                        0, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(20), sleeper, clock));
    }

    private Advisor.Question question(String symbol, String price, String signal) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("price", price);
        context.put("prev_close", null);
        context.put("signal", signal);
        context.put("indicators", Map.of("rsi", 41.5));
        context.put("recent_closes", List.of("100", "101"));
        return new Advisor.Question(symbol, tradingTime.minus(Duration.ofHours(1)), tradingTime, context);
    }

    private Advisor.Question question() {
        return question("KRW-BTC", "100000", "HOLD");
    }

    private List<String> lines(Level level) {
        return logs.events(level).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void returnsValidAdviceAsGivenAndAsksWithTheAdvicePrompt() {
        client.reply(ADVICE);

        assertThat(advisor().advise(question()))
                .contains(new Advisor.Advice("SELL_CONSIDER", 0.4, "momentum fading", "news"));

        LlmRequest sent = client.requests().get(0);
        assertThat(sent.system()).isEqualTo(AdvicePrompt.SYSTEM);
        assertThat(sent.user()).startsWith("{\"symbol\":\"KRW-BTC\",\"price\":\"100000\"");
        assertThat(sent.maxOutputTokens()).isEqualTo(AdvicePrompt.MAX_OUTPUT_TOKENS);
    }

    @Test
    void returnsFencedAdvice() {
        client.reply("```json\n" + ADVICE + "\n```");

        assertThat(advisor().advise(question())).map(Advisor.Advice::action).contains("SELL_CONSIDER");
    }

    @Test
    void discardsProseWithOneWarning() {
        client.reply("I think you should sell. " + ADVICE);

        assertThat(advisor().advise(question())).isEmpty();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("not valid advice");
    }

    @Test
    void discardsATruncatedReplyEvenIfItParses() {
        client.reply(new LlmReply(ADVICE, true, 10, 10, "req-t"));

        assertThat(advisor().advise(question())).isEmpty();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("cut off");
    }

    @Test
    void warnsOnceAboutGarbageAnswersThenCountsThemInAnHourlyLine() {
        LlmAdvisor advisor = advisor();
        for (int i = 0; i < 200; i++) {
            // valid advice in between: no pause, only garbage to count
            client.reply("Sure! Here is my analysis of the market...").reply(ADVICE);
            tradingTime = tradingTime.plus(Duration.ofHours(1));
            advisor.advise(question("KRW-BTC", "100000", "HOLD"));
            // a changed signal, so that the quiet-market rule does not skip it
            advisor.advise(question("KRW-BTC", "200000", i % 2 == 0 ? "BUY" : "SELL"));
        }
        assertThat(lines(Level.WARN)).singleElement().asString().contains("KRW-BTC", "not valid advice");
        assertThat(lines(Level.INFO)).isEmpty();
        assertThat(client.requests()).hasSize(400);

        clock.advance(Duration.ofHours(1));
        client.reply("garbage");
        advisor.advise(question("KRW-ETH", "5000000", "HOLD"));

        assertThat(lines(Level.WARN)).hasSize(1);
        assertThat(lines(Level.INFO))
                .singleElement()
                .asString()
                .contains("201 call(s) gave no advice since 2026-03-02T10:00:00Z", "not valid advice 201");
    }

    @Test
    void reportsWhatItCountedWhenClosed() {
        LlmAdvisor advisor = advisor();
        client.reply("no").reply(ADVICE).reply("still no");
        advisor.advise(question("KRW-BTC", "100", "HOLD"));
        advisor.advise(question("KRW-BTC", "200", "HOLD"));
        advisor.advise(question("KRW-BTC", "300", "HOLD"));

        advisor.close();

        assertThat(lines(Level.INFO)).singleElement().asString().contains("2 call(s) gave no advice");
    }

    @Test
    void pausesAfterThreeCallsInARowWithoutAdviceAndSaysSoOnce() {
        LlmAdvisor advisor = advisor();
        for (int i = 0; i < 3; i++) {
            client.fail(new LlmException(LlmException.Kind.AUTH, "openai: HTTP 401 invalid_api_key"));
            assertThat(advisor.advise(question("KRW-BTC", String.valueOf(100 + i), "HOLD")))
                    .isEmpty();
        }

        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(advisor.advise(question("KRW-ETH", String.valueOf(100 + i), "HOLD")))
                    .isEmpty();
        }

        assertThat(client.requests()).hasSize(3);
        assertThat(lines(Level.WARN))
                .satisfiesExactly(
                        first -> assertThat(first).contains("AUTH", "HTTP 401", "only counted"),
                        pause -> assertThat(pause).contains("3 calls in a row", "not asking it for 60 s"));
    }

    @Test
    void asksAgainAtGrowingIntervalsQuietlyAndSaysOnceThatItRecovered() {
        LlmAdvisor advisor = advisorWithoutRetries();
        for (int i = 0; i < 3; i++) {
            client.fail(new LlmException(LlmException.Kind.UNREACHABLE, "openai: connection refused by h:1"));
            advisor.advise(question());
        }
        int warnings = logs.events(Level.WARN).size();

        clock.advance(AdvisorHealth.FIRST_PAUSE);
        client.fail(new LlmException(LlmException.Kind.UNREACHABLE, "openai: connection refused by h:1"));
        advisor.advise(question());
        clock.advance(AdvisorHealth.FIRST_PAUSE);
        assertThat(advisor.advise(question()))
                .as("the second pause is twice as long")
                .isEmpty();
        assertThat(client.requests()).hasSize(4);

        clock.advance(AdvisorHealth.FIRST_PAUSE);
        client.reply(ADVICE);
        assertThat(advisor.advise(question())).isPresent();

        assertThat(logs.events(Level.WARN)).hasSize(warnings);
        assertThat(lines(Level.INFO)).singleElement().asString().contains("recovered", "after 4 calls");
    }

    @Test
    void afterRecoveringWarnsAgainAboutTheNextOutage() {
        LlmAdvisor advisor = advisorWithoutRetries();
        for (int i = 0; i < 3; i++) {
            client.fail(new LlmException(LlmException.Kind.TIMEOUT, "openai: no answer within 20000 ms"));
            advisor.advise(question());
        }
        clock.advance(AdvisorHealth.FIRST_PAUSE);
        client.reply(ADVICE);
        advisor.advise(question());

        client.fail(new LlmException(LlmException.Kind.TIMEOUT, "openai: no answer within 20000 ms"));
        advisor.advise(question("KRW-BTC", "200000", "HOLD"));

        assertThat(lines(Level.WARN))
                .filteredOn(line -> line.contains("TIMEOUT openai: no answer"))
                .hasSize(2);
    }

    @Test
    void doesNotCallTheClientOnceTheCallBudgetIsUsedAndSaysSoOnceADay() {
        client.reply(ADVICE);
        LlmAdvisor advisor = advisor(new AdvisorBudget(1, 100_000));

        assertThat(advisor.advise(question())).isPresent();
        for (int i = 0; i < 20; i++) {
            tradingTime = tradingTime.plus(Duration.ofMinutes(10));
            assertThat(advisor.advise(question("KRW-ETH", String.valueOf(5_000_000 + i * 100_000), "BUY")))
                    .isEmpty();
        }

        assertThat(client.requests()).hasSize(1);
        assertThat(logs.events(Level.WARN)).isEmpty();
        assertThat(lines(Level.INFO)).singleElement().asString().contains("2025-10-21", "budget is used up", "1 calls");
    }

    @Test
    void countsTheBudgetByTheTradingDayOfTheQuestionNotByTheWallClock() {
        AdvisorBudget budget = new AdvisorBudget(1, 100_000);
        LlmAdvisor advisor = advisor(budget);
        client.reply(ADVICE).reply(ADVICE);

        assertThat(advisor.advise(question("KRW-BTC", "100", "HOLD"))).isPresent();
        assertThat(advisor.advise(question("KRW-BTC", "200", "HOLD"))).isEmpty();
        tradingTime = tradingTime.plus(Duration.ofDays(1));
        assertThat(advisor.advise(question("KRW-BTC", "300", "HOLD"))).isPresent();

        assertThat(budget.usage().day()).hasToString("2025-10-22");
        assertThat(lines(Level.INFO)).singleElement().asString().contains("2025-10-21");
    }

    @Test
    void countsReplyTokensAgainstTheTokenBudget() {
        client.reply(new LlmReply(ADVICE, false, 700, 300, "r"));
        AdvisorBudget budget = new AdvisorBudget(100, 1_000);
        LlmAdvisor advisor = advisor(budget);

        advisor.advise(question());
        assertThat(advisor.advise(question("KRW-ETH", "5000000", "BUY"))).isEmpty();

        assertThat(budget.usage().tokens()).isEqualTo(1_000);
        assertThat(client.requests()).hasSize(1);
    }

    @Test
    void skipsASymbolWhosePriceBarelyMovedWithTheSameSignal() {
        client.reply(ADVICE).reply(ADVICE).reply(ADVICE).reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise(question("KRW-BTC", "100000", "HOLD"))).isPresent();
        assertThat(advisor.advise(question("KRW-BTC", "100400", "HOLD"))).isEmpty();
        assertThat(advisor.advise(question("KRW-BTC", "99600", "HOLD"))).isEmpty();
        assertThat(client.requests()).hasSize(1);

        assertThat(advisor.advise(question("KRW-BTC", "100500", "HOLD"))).isPresent();
        assertThat(advisor.advise(question("KRW-BTC", "100500", "SELL"))).isPresent();
        assertThat(advisor.advise(question("KRW-ETH", "100500", "SELL"))).isPresent();
        assertThat(client.requests()).hasSize(4);
        assertThat(logs.events(Level.WARN)).isEmpty();
        assertThat(lines(Level.DEBUG)).filteredOn(e -> e.contains("not asked")).hasSize(2);
    }

    @Test
    void asksAgainAfterAFailedAdviceEvenIfThePriceDidNotMove() {
        client.reply("not json").reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise(question())).isEmpty();
        assertThat(advisor.advise(question())).isPresent();
    }

    @Test
    void turnsAProviderFailureIntoEmptyAdviceAndOneWarning() {
        client.fail(new LlmException(LlmException.Kind.AUTH, "openai: HTTP 401 invalid_api_key"));

        assertThat(advisor().advise(question())).isEmpty();

        assertThat(lines(Level.WARN)).singleElement().asString().contains("AUTH", "HTTP 401");
    }

    @Test
    void aCallStoppedByAnInterruptIsNeitherAFailureNorLogged() {
        client.fail(new LlmException(LlmException.Kind.TIMEOUT, "openai: interrupted while waiting"));
        LlmAdvisor advisor = advisorWithoutRetries();

        Thread.currentThread().interrupt();
        try {
            assertThat(advisor.advise(question())).isEmpty();
        } finally {
            assertThat(Thread.interrupted())
                    .as("the interrupt is kept for the caller")
                    .isTrue();
        }

        assertThat(logs.events(Level.WARN)).isEmpty();
        assertThat(logs.events(Level.INFO)).isEmpty();
    }

    @Test
    void retriesATransientFailureThroughThePolicy() {
        client.fail(new LlmException(LlmException.Kind.UNAVAILABLE, "busy")).reply(ADVICE);

        assertThat(advisor().advise(question())).isPresent();
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void asksWhenTheContextHasNoReadablePrice() {
        client.reply(ADVICE).reply(ADVICE);
        LlmAdvisor advisor = advisor();

        assertThat(advisor.advise(question("KRW-BTC", "n/a", "HOLD"))).isPresent();
        assertThat(advisor.advise(question("KRW-BTC", "n/a", "HOLD"))).isPresent();
    }
}
