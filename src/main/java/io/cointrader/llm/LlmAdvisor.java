package io.cointrader.llm;

import io.cointrader.config.LlmSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisor over a language model: skips a quiet symbol, respects the daily budget, asks through the
 * retry policy and keeps only a reply that parses as advice. Every failure is empty advice and at most
 * one log line; nothing is thrown for a provider failure.
 */
public final class LlmAdvisor implements Advisor {

    private static final Logger LOG = LoggerFactory.getLogger(LlmAdvisor.class);

    private final LlmClient client;
    private final AdvisorBudget budget;
    private final AdviceThrottle throttle;
    private final Clock clock;
    private final RetryPolicy retry;

    /**
     * @param minPriceMovePct percent; a symbol whose price moved less than this since its last advice
     *     and whose signal is unchanged is not asked again
     */
    public LlmAdvisor(
            LlmClient client, AdvisorBudget budget, BigDecimal minPriceMovePct, Clock clock, RetryPolicy retry) {
        this.client = Objects.requireNonNull(client, "client");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.throttle = new AdviceThrottle(minPriceMovePct);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * The production advisor: the settings' budgets and skip rule, and the standard retry policy with
     * real sleeps, all retries within the settings' timeout.
     */
    public static LlmAdvisor fromSettings(LlmSettings settings, LlmClient client, Clock clock) {
        return new LlmAdvisor(
                client,
                new AdvisorBudget(settings.dailyCallLimit(), settings.dailyTokenLimit(), clock),
                settings.minPriceMovePct(),
                clock,
                RetryPolicy.standard(settings.timeout(), Sleeper.THREAD, clock));
    }

    @Override
    public Optional<Advice> advise(String symbol, Map<String, Object> context) {
        Optional<AdviceThrottle.Tick> tick = AdviceThrottle.tickOf(context);
        if (tick.isPresent() && throttle.shouldSkip(symbol, tick.get())) {
            LOG.debug("advisor not asked for {}: price barely moved and the signal is unchanged", symbol);
            return Optional.empty();
        }
        LlmRequest request;
        try {
            request = AdvicePrompt.forContext(symbol, context);
        } catch (IllegalArgumentException e) {
            LOG.warn("advisor not asked for {}: {}", symbol, e.getMessage());
            return Optional.empty();
        }
        if (!budget.tryAcquire()) {
            LOG.info("advisor not asked for {}: today's LLM budget is used up ({})", symbol, budget.usage());
            return Optional.empty();
        }
        Optional<Advice> advice = ask(symbol, request);
        if (advice.isPresent()) {
            tick.ifPresent(t -> throttle.advised(symbol, t));
        }
        return advice;
    }

    private Optional<Advice> ask(String symbol, LlmRequest request) {
        Instant start = clock.instant();
        LlmReply reply;
        try {
            reply = retry.call(client, request);
        } catch (LlmException e) {
            LOG.warn("advisor {} gave no advice for {}: {} {}", client.describe(), symbol, e.kind(), e.getMessage());
            return Optional.empty();
        }
        budget.record(reply.totalTokens());
        long millis = Duration.between(start, clock.instant()).toMillis();
        if (reply.truncated()) {
            LOG.warn(
                    "advisor {} reply for {} was cut off at the output limit; discarded (request id {})",
                    client.describe(),
                    symbol,
                    reply.requestId());
            return Optional.empty();
        }
        Optional<Advice> advice = AdviceParser.parse(reply.text());
        if (advice.isEmpty()) {
            LOG.warn(
                    "advisor {} reply for {} is not valid advice ({} chars); discarded (request id {})",
                    client.describe(),
                    symbol,
                    reply.text().length(),
                    reply.requestId());
        } else {
            LOG.debug(
                    "advisor {} answered for {} in {} ms, {} tokens",
                    client.describe(),
                    symbol,
                    millis,
                    reply.totalTokens());
        }
        return advice;
    }
}
