package io.cointrader.llm;

import io.cointrader.config.LlmSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisor over a language model: skips a quiet symbol, pauses after repeated failures ({@link
 * AdvisorHealth}), respects the daily budget, asks through the retry policy and keeps only a reply that
 * parses as advice. Nothing is thrown for a provider failure; failures are logged as {@link
 * AdvisorHealth} says: the first of each kind, then counted. A call interrupted by a stop gives no
 * advice and logs nothing. Meant for one asking thread at a time.
 */
public final class LlmAdvisor implements Advisor {

    private static final Logger LOG = LoggerFactory.getLogger(LlmAdvisor.class);

    static final String NOT_ADVICE = "not valid advice";
    static final String CUT_OFF = "cut off";

    private final LlmClient client;
    private final AdvisorBudget budget;
    private final AdviceThrottle throttle;
    private final AdvisorHealth health;
    private final Clock clock;
    private final RetryPolicy retry;
    private LocalDate budgetReportedFor;

    /**
     * @param minPriceMovePct percent; a symbol whose price moved less than this since its last advice
     *     and whose signal is unchanged is not asked again
     * @param clock the wall clock, for the pauses after failures and the call's duration; the budget
     *     counts the questions' trading time instead
     */
    public LlmAdvisor(
            LlmClient client, AdvisorBudget budget, BigDecimal minPriceMovePct, Clock clock, RetryPolicy retry) {
        this.client = Objects.requireNonNull(client, "client");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.throttle = new AdviceThrottle(minPriceMovePct);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new AdvisorHealth(client.describe(), clock);
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * The production advisor: the settings' budgets and skip rule, and the standard retry policy with
     * real sleeps, all retries within the settings' timeout.
     *
     * @param wallClock real time, for pauses, retries and durations
     */
    public static LlmAdvisor fromSettings(LlmSettings settings, LlmClient client, Clock wallClock) {
        return new LlmAdvisor(
                client,
                new AdvisorBudget(settings.dailyCallLimit(), settings.dailyTokenLimit()),
                settings.minPriceMovePct(),
                wallClock,
                RetryPolicy.standard(settings.timeout(), Sleeper.THREAD, wallClock));
    }

    @Override
    public Optional<Advice> advise(Question question) {
        String symbol = question.symbol();
        Optional<AdviceThrottle.Tick> tick = AdviceThrottle.tickOf(question.context());
        if (tick.isPresent() && throttle.shouldSkip(symbol, tick.get())) {
            LOG.debug("advisor not asked for {}: price barely moved and the signal is unchanged", symbol);
            return Optional.empty();
        }
        if (!health.mayAsk()) {
            LOG.debug("advisor not asked for {}: paused until {}", symbol, health.pausedUntil());
            return Optional.empty();
        }
        LlmRequest request;
        try {
            request = AdvicePrompt.forContext(symbol, question.context());
        } catch (IllegalArgumentException e) {
            LOG.warn("advisor not asked for {}: {}", symbol, e.getMessage());
            return Optional.empty();
        }
        if (!budget.tryAcquire(question.askedAt())) {
            budgetUsedUp(symbol);
            return Optional.empty();
        }
        Optional<Advice> advice = ask(question, request);
        if (advice.isPresent()) {
            tick.ifPresent(t -> throttle.advised(symbol, t));
        }
        return advice;
    }

    @Override
    public void close() {
        health.report();
    }

    /** Once per budget day at INFO: the budget does not refill until the trading clock's next UTC day. */
    private void budgetUsedUp(String symbol) {
        AdvisorBudget.Usage usage = budget.usage();
        if (usage.day().equals(budgetReportedFor)) {
            LOG.debug("advisor not asked for {}: the day's LLM budget is used up", symbol);
            return;
        }
        budgetReportedFor = usage.day();
        LOG.info(
                "advisor not asked from now until the end of {} (UTC, trading clock): the day's LLM budget is"
                        + " used up ({} calls, {} tokens)",
                usage.day(),
                usage.calls(),
                usage.tokens());
    }

    private Optional<Advice> ask(Question question, LlmRequest request) {
        String symbol = question.symbol();
        Instant start = clock.instant();
        LlmReply reply;
        try {
            reply = retry.call(client, request);
        } catch (LlmException e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.debug("advisor call for {} stopped: the advisor is closing", symbol);
                return Optional.empty();
            }
            health.failed(e.kind().name(), "no advice for " + symbol + ": " + e.kind() + " " + e.getMessage());
            return Optional.empty();
        }
        budget.record(question.askedAt(), reply.totalTokens());
        if (reply.truncated()) {
            health.failed(
                    CUT_OFF,
                    "the reply for " + symbol + " was cut off at the output limit; discarded" + requestId(reply));
            return Optional.empty();
        }
        Optional<Advice> advice = AdviceParser.parse(reply.text());
        if (advice.isEmpty()) {
            health.failed(
                    NOT_ADVICE,
                    "the reply for " + symbol + " is not valid advice ("
                            + reply.text().length() + " chars); discarded" + requestId(reply));
            return Optional.empty();
        }
        health.succeeded();
        LOG.debug(
                "advisor {} answered for {} in {} ms, {} tokens",
                client.describe(),
                symbol,
                Duration.between(start, clock.instant()).toMillis(),
                reply.totalTokens());
        return advice;
    }

    private static String requestId(LlmReply reply) {
        return reply.requestId() == null ? "" : " (request id " + reply.requestId() + ")";
    }
}
