package io.cointrader.state;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code decisions_log}: a risk verdict (kind {@code risk}: intent id, side, notional and
 * check set) or a strategy/advisor decision (kind {@code strategy}, {@code llm_advice}, …: data in
 * {@code detailsJson}, a JSON object or null). Nullable: intentId, symbol, side, notional, check,
 * reason, detailsJson.
 */
public record DecisionEntry(
        long id,
        Instant time,
        String kind,
        String intentId,
        Symbol symbol,
        Side side,
        BigDecimal notional,
        String decision,
        String check,
        String reason,
        String detailsJson) {

    public DecisionEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decision, "decision");
    }
}
