package io.cointrader.state;

import static io.cointrader.state.Columns.enumOf;
import static io.cointrader.state.Columns.money;
import static io.cointrader.state.Columns.symbol;
import static io.cointrader.state.Columns.time;

import io.cointrader.core.RiskDecision;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** SQL for the records of what happened: {@code events}, {@code decisions_log}, {@code safety_events}. */
final class JournalTables {

    /** The {@code decisions_log.kind} of risk verdicts. */
    static final String RISK_KIND = "risk";

    private final JsonCodec json;

    JournalTables(JsonCodec json) {
        this.json = json;
    }

    void appendEvent(Connection c, String type, Map<String, ?> payload, Instant time) throws SQLException {
        String sql = "INSERT INTO events (type, payload_json, time_ms) VALUES (?, ?, ?)";
        Queries.update(c, sql, type, json.write("append event", payload), time);
    }

    List<StoredEvent> recentEvents(Connection c, String type, int limit) throws SQLException {
        String columns = "SELECT id, type, payload_json, time_ms FROM events";
        String order = " ORDER BY time_ms DESC, id DESC LIMIT ?";
        if (type == null) {
            return Queries.list(c, columns + order, JournalTables::event, limit);
        }
        return Queries.list(c, columns + " WHERE type = ?" + order, JournalTables::event, type, limit);
    }

    void saveRiskDecision(Connection c, RiskDecisionRecord d) throws SQLException {
        String sql = "INSERT INTO decisions_log (time_ms, kind, intent_id, symbol, side, notional, decision,"
                + " check_name, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Queries.update(
                c,
                sql,
                d.time(),
                RISK_KIND,
                d.intentId(),
                d.symbol(),
                d.side(),
                d.notional(),
                d.decision(),
                d.check(),
                d.reason());
    }

    void saveDecisionEvent(
            Connection c,
            String kind,
            String symbol,
            String decision,
            String reason,
            Map<String, ?> details,
            Instant time)
            throws SQLException {
        String sql = "INSERT INTO decisions_log (time_ms, kind, symbol, decision, reason, details_json)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        Queries.update(c, sql, time, kind, symbol, decision, reason, json.write("save decision", details));
    }

    List<RiskDecisionRecord> recentRiskDecisions(Connection c, int limit) throws SQLException {
        String sql = "SELECT intent_id, symbol, side, notional, decision, check_name, reason, time_ms"
                + " FROM decisions_log WHERE kind = ? ORDER BY time_ms DESC, id DESC LIMIT ?";
        return Queries.list(c, sql, JournalTables::riskDecision, RISK_KIND, limit);
    }

    List<DecisionEntry> recentDecisions(Connection c, String kind, io.cointrader.core.Symbol symbol, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, time_ms, kind, intent_id, symbol, side, notional, decision,"
                + " check_name, reason, details_json FROM decisions_log WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (symbol != null) {
            sql.append(" AND symbol = ?");
            params.add(symbol);
        }
        sql.append(" ORDER BY time_ms DESC, id DESC LIMIT ?");
        params.add(limit);
        return Queries.list(c, sql.toString(), JournalTables::decision, params.toArray());
    }

    void saveSafetyEvent(Connection c, SafetyEvent e) throws SQLException {
        String sql = "INSERT INTO safety_events (time_ms, type, severity, symbol, message, details_json)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        Queries.update(
                c,
                sql,
                e.time(),
                e.type(),
                e.severity(),
                e.symbol(),
                e.message(),
                json.write("save safety event", e.details()));
    }

    List<SafetyEvent> recentSafetyEvents(Connection c, int limit) throws SQLException {
        String sql = "SELECT time_ms, type, severity, symbol, message, details_json FROM safety_events"
                + " ORDER BY time_ms DESC, id DESC LIMIT ?";
        return Queries.list(c, sql, this::safetyEvent, limit);
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong("id"), rs.getString("type"), rs.getString("payload_json"), time(rs, "time_ms"));
    }

    private static RiskDecisionRecord riskDecision(ResultSet rs) throws SQLException {
        return new RiskDecisionRecord(
                rs.getString("intent_id"),
                symbol(rs, "symbol"),
                enumOf(Side.class, rs, "side"),
                money(rs, "notional"),
                enumOf(RiskDecision.class, rs, "decision"),
                rs.getString("check_name"),
                rs.getString("reason"),
                time(rs, "time_ms"));
    }

    private static DecisionEntry decision(ResultSet rs) throws SQLException {
        return new DecisionEntry(
                rs.getLong("id"),
                time(rs, "time_ms"),
                rs.getString("kind"),
                rs.getString("intent_id"),
                symbol(rs, "symbol"),
                enumOf(Side.class, rs, "side"),
                money(rs, "notional"),
                rs.getString("decision"),
                rs.getString("check_name"),
                rs.getString("reason"),
                rs.getString("details_json"));
    }

    private SafetyEvent safetyEvent(ResultSet rs) throws SQLException {
        return new SafetyEvent(
                enumOf(SafetyEventType.class, rs, "type"),
                enumOf(Severity.class, rs, "severity"),
                symbol(rs, "symbol"),
                rs.getString("message"),
                json.readStrings("read safety events", rs.getString("details_json")),
                time(rs, "time_ms"));
    }
}
