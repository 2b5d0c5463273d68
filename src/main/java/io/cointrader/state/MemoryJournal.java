package io.cointrader.state;

import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The records of what happened, in memory: audit events, the decisions log (risk verdicts and other
 * decisions, numbered together as in the {@code decisions_log} table) and safety events. Payloads and
 * details are rendered to JSON when written, as the SQLite store does. Not thread-safe.
 */
final class MemoryJournal {

    /**
     * One {@code decisions_log} row. The symbol of a decision event is kept as the text it was given and
     * parsed when read, so that filtering and reading behave as on the SQLite column.
     */
    private record DecisionRow(
            long id,
            long timeMs,
            String kind,
            String intentId,
            String symbol,
            Side side,
            BigDecimal notional,
            String decision,
            String check,
            String reason,
            String detailsJson) {

        DecisionEntry entry() {
            return new DecisionEntry(
                    id,
                    Instant.ofEpochMilli(timeMs),
                    kind,
                    intentId,
                    symbol == null ? null : Symbol.parse(symbol),
                    side,
                    notional,
                    decision,
                    check,
                    reason,
                    detailsJson);
        }

        RiskDecisionRecord riskDecision() {
            return new RiskDecisionRecord(
                    intentId,
                    symbol == null ? null : Symbol.parse(symbol),
                    side,
                    notional,
                    RiskDecision.valueOf(decision),
                    check,
                    reason,
                    Instant.ofEpochMilli(timeMs));
        }
    }

    private final JsonCodec json = new JsonCodec();
    private final TimeOrderedLog<StoredEvent> events = new TimeOrderedLog<>();
    private final TimeOrderedLog<DecisionRow> decisions = new TimeOrderedLog<>();
    private final TimeOrderedLog<DecisionRow> riskDecisions = new TimeOrderedLog<>();
    private final TimeOrderedLog<SafetyEvent> safetyEvents = new TimeOrderedLog<>();
    private long lastEventId;
    private long lastDecisionId;

    void appendEvent(String type, Map<String, ?> payload, Instant time) {
        String payloadJson = json.write("append event", payload);
        Instant stored = StorageForm.time(time);
        events.add(stored.toEpochMilli(), new StoredEvent(++lastEventId, type, payloadJson, stored));
    }

    List<StoredEvent> recentEvents(String type, int limit) {
        return type == null
                ? events.newest(limit, 0)
                : events.newest(limit, 0, e -> e.type().equals(type));
    }

    void saveRiskDecision(RiskDecisionRecord d) {
        long timeMs = d.time().toEpochMilli();
        DecisionRow row = new DecisionRow(
                ++lastDecisionId,
                timeMs,
                JournalTables.RISK_KIND,
                d.intentId(),
                d.symbol().toString(),
                d.side(),
                StorageForm.money(d.notional()),
                d.decision().name(),
                d.check(),
                d.reason(),
                null);
        decisions.add(timeMs, row);
        riskDecisions.add(timeMs, row);
    }

    void saveDecisionEvent(
            String kind, String symbol, String decision, String reason, Map<String, ?> details, Instant time) {
        String detailsJson = json.write("save decision", details);
        long timeMs = time.toEpochMilli();
        decisions.add(
                timeMs,
                new DecisionRow(
                        ++lastDecisionId, timeMs, kind, null, symbol, null, null, decision, null, reason, detailsJson));
    }

    List<RiskDecisionRecord> recentRiskDecisions(int limit) {
        return riskDecisions.newest(limit, 0).stream()
                .map(DecisionRow::riskDecision)
                .toList();
    }

    /** Every risk verdict, oldest first (ties in the order saved). */
    List<RiskDecisionRecord> allRiskDecisions() {
        return riskDecisions.all().stream().map(DecisionRow::riskDecision).toList();
    }

    List<DecisionEntry> recentDecisions(String kind, Symbol symbol, int limit) {
        String symbolText = symbol == null ? null : symbol.toString();
        List<DecisionRow> rows = decisions.newest(
                limit,
                0,
                row -> (kind == null || kind.equals(row.kind()))
                        && (symbolText == null || symbolText.equals(row.symbol())));
        return rows.stream().map(DecisionRow::entry).toList();
    }

    void saveSafetyEvent(SafetyEvent event) {
        SafetyEvent stored = StorageForm.safetyEvent(event);
        safetyEvents.add(stored.time().toEpochMilli(), stored);
    }

    List<SafetyEvent> recentSafetyEvents(int limit) {
        return safetyEvents.newest(limit, 0);
    }

    /** Every safety event, oldest first (ties in the order saved). */
    List<SafetyEvent> allSafetyEvents() {
        return safetyEvents.all();
    }
}
