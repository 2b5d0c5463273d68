package io.cointrader.app;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimTrade;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * Compares the database a crashed trader left with the exchange's truth (the simulator) and counts
 * what is wrong: duplicates (an intent or identifier with more than one exchange order, or an order
 * posted more than once), missing
 * (an exchange order or trade the database does not hold), mismatches (a held order with the wrong
 * state, quantity, intent or fills; a database order or fill the exchange never had; an intent left
 * unsettled). Every finding is also described in one line.
 */
final class CrashAudit {

    record Findings(
            int exchangeOrders,
            int exchangeTrades,
            int intents,
            int duplicates,
            int missing,
            int mismatches,
            List<String> details) {}

    private final List<String> details = new ArrayList<>();
    private int duplicates;
    private int missing;
    private int mismatches;

    private CrashAudit() {}

    /**
     * @param postsPerIdentifier every order POST the exchange received, counted per identifier
     */
    static Findings audit(
            List<SimOrder> simOrders,
            List<SimTrade> simTrades,
            Map<String, Long> postsPerIdentifier,
            StateStore store) {
        CrashAudit audit = new CrashAudit();
        postsPerIdentifier.forEach((id, posts) -> {
            for (long extra = 1; extra < posts; extra++) {
                audit.duplicate("identifier " + id + " was posted " + posts + " times");
            }
        });
        return audit.run(simOrders, simTrades, store);
    }

    /** The rows of {@code PRAGMA integrity_check} on {@code db}, opened read-only. */
    static List<String> integrityCheck(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private Findings run(List<SimOrder> simOrders, List<SimTrade> simTrades, StateStore store) {
        List<IntentRecord> intents = store.intentsIn(EnumSet.allOf(IntentState.class));
        Map<String, IntentRecord> intentByIdentifier = new HashMap<>();
        for (IntentRecord r : intents) {
            if (intentByIdentifier.put(r.clientOrderId(), r) != null) {
                duplicate("client order id " + r.clientOrderId() + " belongs to two intents");
            }
            if (r.state().needsReconciliation()) {
                mismatch("intent " + r.intent().intentId() + " left " + r.state());
            }
        }
        Map<String, List<Fill>> fillsByOrder =
                store.allFills().stream().collect(Collectors.groupingBy(Fill::clientOrderId));
        countDuplicates(simOrders, intentByIdentifier);
        Set<String> onExchange = new HashSet<>();
        for (SimOrder s : simOrders) {
            onExchange.add(s.identifier());
            compare(s, intentByIdentifier.get(s.identifier()), store.findOrder(s.identifier()), fillsByOrder);
        }
        Set<String> tradeIds = simTrades.stream().map(SimTrade::uuid).collect(Collectors.toSet());
        fillsByOrder.values().stream()
                .flatMap(List::stream)
                .filter(f -> !tradeIds.contains(f.fillId()))
                .forEach(f -> mismatch("fill " + f.fillId() + " is not a trade on the exchange"));
        for (Order o : store.recentOrders(Integer.MAX_VALUE, 0)) {
            if (!onExchange.contains(o.clientOrderId()) && o.status() != OrderStatus.REJECTED) {
                mismatch("order " + o.clientOrderId() + " is " + o.status() + " but not on the exchange");
            }
        }
        for (IntentRecord r : intents) {
            if (r.state() == IntentState.PLACED && !onExchange.contains(r.clientOrderId())) {
                mismatch("intent " + r.intent().intentId() + " is PLACED but has no exchange order");
            }
        }
        return new Findings(
                simOrders.size(),
                simTrades.size(),
                intents.size(),
                duplicates,
                missing,
                mismatches,
                List.copyOf(details));
    }

    private void countDuplicates(List<SimOrder> simOrders, Map<String, IntentRecord> intentByIdentifier) {
        Map<String, Long> perIntent = simOrders.stream()
                .collect(Collectors.groupingBy(
                        s -> Optional.ofNullable(intentByIdentifier.get(s.identifier()))
                                .map(r -> r.intent().intentId())
                                .orElse("identifier " + s.identifier()),
                        Collectors.counting()));
        perIntent.forEach((intent, count) -> {
            for (long extra = 1; extra < count; extra++) {
                duplicate(intent + " has " + count + " exchange orders");
            }
        });
    }

    private void compare(
            SimOrder s, IntentRecord intent, Optional<Order> stored, Map<String, List<Fill>> fillsByOrder) {
        String id = s.identifier();
        if (intent == null) {
            missing("exchange order " + id + " has no intent in the database");
        }
        if (stored.isEmpty()) {
            missing("exchange order " + id + " is missing from the database");
        }
        List<SimTrade> trades = s.trades();
        List<Fill> fills = fillsByOrder.getOrDefault(id, List.of());
        Set<String> fillIds = fills.stream().map(Fill::fillId).collect(Collectors.toSet());
        trades.stream()
                .filter(t -> !fillIds.contains(t.uuid()))
                .forEach(t -> missing("trade " + t.uuid() + " of order " + id + " is missing from the database"));
        if (intent == null || stored.isEmpty()) {
            return;
        }
        Order ours = stored.get();
        List<String> wrong = new ArrayList<>();
        if (!s.uuid().equals(ours.exchangeOrderId())) {
            wrong.add("exchange id " + ours.exchangeOrderId() + " != " + s.uuid());
        }
        if (ours.status() != expectedStatus(s)) {
            wrong.add("status " + ours.status() + " != " + expectedStatus(s));
        }
        if (ours.filledQuantity().compareTo(s.executedVolume()) != 0) {
            wrong.add("filled " + ours.filledQuantity() + " != " + s.executedVolume());
        }
        if (!intent.intent().intentId().equals(ours.intentId())) {
            wrong.add("intent " + ours.intentId() + " != " + intent.intent().intentId());
        }
        if (intent.state() != IntentState.PLACED) {
            wrong.add("intent state " + intent.state() + " != PLACED");
        }
        wrong.addAll(fillDifferences(trades, fills, s.paidFee()));
        if (!wrong.isEmpty()) {
            mismatch("order " + id + ": " + String.join(", ", wrong));
        }
    }

    private static List<String> fillDifferences(List<SimTrade> trades, List<Fill> fills, BigDecimal paidFee) {
        List<String> wrong = new ArrayList<>();
        Map<String, Fill> byId = fills.stream().collect(Collectors.toMap(Fill::fillId, f -> f));
        for (SimTrade t : trades) {
            Fill f = byId.get(t.uuid());
            if (f != null
                    && (f.quantity().compareTo(t.volume()) != 0 || f.price().compareTo(t.price()) != 0)) {
                wrong.add("fill " + t.uuid() + " " + f.quantity() + "@" + f.price() + " != " + t.volume() + "@"
                        + t.price());
            }
        }
        BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = paidFee == null ? BigDecimal.ZERO : paidFee;
        if (fees.compareTo(paid) != 0) {
            wrong.add("fees " + fees + " != paid " + paid);
        }
        return wrong;
    }

    static OrderStatus expectedStatus(SimOrder s) {
        return switch (s.state()) {
            case "done" -> OrderStatus.FILLED;
            case "cancel" -> OrderStatus.CANCELLED;
            default -> s.executedVolume().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        };
    }

    private void duplicate(String detail) {
        duplicates++;
        details.add("duplicate: " + detail);
    }

    private void missing(String detail) {
        missing++;
        details.add("missing: " + detail);
    }

    private void mismatch(String detail) {
        mismatches++;
        details.add("mismatch: " + detail);
    }
}
