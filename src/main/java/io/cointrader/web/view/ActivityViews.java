package io.cointrader.web.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.SafetyEvent;
import io.cointrader.state.DecisionEntry;
import io.cointrader.state.StateStore;
import io.cointrader.state.StoredEvent;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Orders, safety events, decisions and the dashboard's audit trail, newest first. */
public final class ActivityViews {

    /** The {@code events} type of the dashboard's control actions. */
    public static final String AUDIT_EVENT_TYPE = "web_control";

    private final StateStore store;
    private final StoredJson json = new StoredJson();

    public ActivityViews(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public OrdersPage orders(int limit, int offset) {
        List<OrderView> orders =
                store.recentOrders(limit, offset).stream().map(OrderView::of).toList();
        return new OrdersPage(store.orderCount(), limit, offset, orders);
    }

    public OpenOrdersView openOrders() {
        return new OpenOrdersView(store.openOrders().stream().map(OrderView::of).toList());
    }

    public SafetyEventsView safetyEvents(int limit) {
        return new SafetyEventsView(store.recentSafetyEvents(limit).stream()
                .map(ActivityViews::event)
                .toList());
    }

    /** The newest decisions of {@code kind} ({@code risk}, {@code strategy}, ...), or of all kinds when null. */
    public DecisionsView decisions(String kind, int limit) {
        return new DecisionsView(store.recentDecisions(kind, null, limit).stream()
                .map(this::decision)
                .toList());
    }

    public AuditView audit(int limit) {
        return new AuditView(store.recentEvents(AUDIT_EVENT_TYPE, limit).stream()
                .map(this::auditEntry)
                .toList());
    }

    private static SafetyEventsView.Event event(SafetyEvent e) {
        return new SafetyEventsView.Event(
                e.time(), e.type().name(), e.severity().name(), e.symbol(), e.message(), new TreeMap<>(e.details()));
    }

    private DecisionsView.Entry decision(DecisionEntry d) {
        return new DecisionsView.Entry(
                d.id(),
                d.time(),
                d.kind(),
                d.symbol(),
                d.side() == null ? null : d.side().name(),
                d.decision(),
                d.check(),
                d.reason(),
                Decimals.plain(d.notional()),
                d.intentId(),
                json.object(d.detailsJson()));
    }

    private AuditView.Entry auditEntry(StoredEvent e) {
        JsonNode payload = json.object(e.payloadJson());
        return new AuditView.Entry(
                e.time(),
                text(payload, "action"),
                text(payload, "who"),
                text(payload, "result"),
                text(payload, "detail"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
