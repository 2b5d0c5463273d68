package io.cointrader.web.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/decisions}, newest first. */
public record DecisionsView(List<Entry> decisions) {

    public DecisionsView {
        decisions = List.copyOf(decisions);
    }

    /**
     * One row of the decision log: a risk verdict (intent id, side, notional, check) or a strategy or
     * advisor decision (data in {@code details}, an object, empty when there is none).
     */
    public record Entry(
            long id,
            Instant time,
            String kind,
            Symbol symbol,
            String side,
            String decision,
            String check,
            String reason,
            String notional,
            String intentId,
            JsonNode details) {}
}
