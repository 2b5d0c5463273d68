package io.cointrader.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The risk manager's verdict on one intent, saved to {@code decisions_log}.
 *
 * @param check the failing check (e.g. {@code POSITION_SIZE}) or {@code ALL} when approved
 */
public record RiskDecisionRecord(
        String intentId,
        Symbol symbol,
        Side side,
        BigDecimal notional,
        RiskDecision decision,
        String check,
        String reason,
        Instant time) {

    public RiskDecisionRecord {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
    }

    public boolean approved() {
        return decision == RiskDecision.APPROVED;
    }
}
