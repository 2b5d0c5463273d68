package io.cointrader.app;

import io.cointrader.llm.Advisor;
import io.cointrader.state.StateStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records advice as it arrives, on the advisor's thread: an {@code llm_advice} decision event for the
 * symbol at the trading clock's time of arrival, with the candle it is about and when it was asked in
 * its details, and the same in the decisions log. A failed write is logged and dropped: advice is never
 * worth disturbing the run.
 */
final class AdviceRecorder implements BiConsumer<Advisor.Question, Advisor.Advice> {

    static final String KIND = "llm_advice";

    private static final Logger LOG = LoggerFactory.getLogger(AdviceRecorder.class);
    private static final Logger DECISIONS = LoggerFactory.getLogger("cointrader.decisions");

    private final StateStore store;
    private final Clock clock;

    /** @param clock the trading clock */
    AdviceRecorder(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void accept(Advisor.Question question, Advisor.Advice advice) {
        String riskNotes = advice.riskNotes() == null ? "" : advice.riskNotes();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("confidence", advice.confidence());
        details.put("risk_notes", riskNotes);
        details.put("candle_time", question.candleTime().toString());
        details.put("asked_at", question.askedAt().toString());
        try {
            store.saveDecisionEvent(
                    KIND, question.symbol(), advice.action(), advice.reasoning(), details, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("advice for {} not recorded: {}", question.symbol(), e.getMessage());
            return;
        }
        DECISIONS
                .atInfo()
                .addKeyValue("event", KIND)
                .addKeyValue("symbol", question.symbol())
                .addKeyValue("action", advice.action())
                .addKeyValue("confidence", advice.confidence())
                .addKeyValue("reasoning", advice.reasoning())
                .addKeyValue("risk_notes", riskNotes)
                .addKeyValue("candle_time", question.candleTime().toString())
                .addKeyValue("asked_at", question.askedAt().toString())
                .log("llm advice {} {}", advice.action(), question.symbol());
    }
}
