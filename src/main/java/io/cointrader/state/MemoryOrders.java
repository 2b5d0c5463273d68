package io.cointrader.state;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Intents, orders and fills in memory, with the indexes that keep the per-order calls fast: intents by
 * id and by state, submission times for the rate-limit count, open orders, and every row list in the
 * order the SQLite queries return. Values are in {@link StorageForm}. Not thread-safe.
 */
final class MemoryOrders {

    private static final Comparator<IntentEntry> INTENT_ORDER = Comparator.<IntentEntry>comparingLong(
                    e -> e.record.intent().createdAt().toEpochMilli())
            .thenComparing((a, b) -> StorageForm.compareText(
                    a.record.intent().intentId(), b.record.intent().intentId()));
    private static final Comparator<OrderEntry> ORDER_ORDER =
            Comparator.<OrderEntry>comparingLong(e -> e.createdMs).thenComparingLong(e -> e.rowId);

    private static final class IntentEntry {
        private IntentRecord record;
        private final CreationTimeIndex.Slot slot;

        IntentEntry(IntentRecord record, CreationTimeIndex.Slot slot) {
            this.record = record;
            this.slot = slot;
        }
    }

    /** {@code createdMs} is kept from the first write, so an entry never moves in the sorted indexes. */
    private static final class OrderEntry {
        private final long createdMs;
        private final long rowId;
        private Order order;

        OrderEntry(long rowId, Order order) {
            this.createdMs = order.createdAt().toEpochMilli();
            this.rowId = rowId;
            this.order = order;
        }
    }

    private final Map<String, IntentEntry> intents = new HashMap<>();
    private final Map<String, IntentEntry> intentsByClientOrderId = new HashMap<>();
    private final Map<IntentState, Set<IntentEntry>> intentsByState = new EnumMap<>(IntentState.class);
    private final CreationTimeIndex submitted = new CreationTimeIndex();

    private final Map<String, OrderEntry> orders = new HashMap<>();
    private final TimeOrderedLog<OrderEntry> ordersByCreation = new TimeOrderedLog<>();
    private final TreeSet<OrderEntry> openOrders = new TreeSet<>(ORDER_ORDER);
    private final Map<String, OrderEntry> latestBySymbolAndSide = new HashMap<>();

    private final Set<String> fillIds = new HashSet<>();
    private final TimeOrderedLog<Fill> fills = new TimeOrderedLog<>();

    MemoryOrders() {
        for (IntentState state : IntentState.values()) {
            intentsByState.put(state, new LinkedHashSet<>());
        }
    }

    /** {@code record} in storage form; false when its intent id or client order id is taken. */
    boolean insertIntent(IntentRecord record) {
        String intentId = record.intent().intentId();
        if (intents.containsKey(intentId) || intentsByClientOrderId.containsKey(record.clientOrderId())) {
            return false;
        }
        long createdMs = record.intent().createdAt().toEpochMilli();
        IntentEntry entry = new IntentEntry(record, submitted.add(createdMs, counts(record.state())));
        intents.put(intentId, entry);
        intentsByClientOrderId.put(record.clientOrderId(), entry);
        intentsByState.get(record.state()).add(entry);
        return true;
    }

    Optional<IntentRecord> findIntent(String intentId) {
        IntentEntry entry = intents.get(intentId);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    Optional<IntentRecord> findIntentByClientOrderId(String clientOrderId) {
        IntentEntry entry = intentsByClientOrderId.get(clientOrderId);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    /** {@code at} in storage form; false when no intent has that id. */
    boolean updateIntentState(String intentId, IntentState state, Instant at) {
        IntentEntry entry = intents.get(intentId);
        if (entry == null) {
            return false;
        }
        IntentRecord old = entry.record;
        intentsByState.get(old.state()).remove(entry);
        intentsByState.get(state).add(entry);
        submitted.setCounted(entry.slot, counts(state));
        entry.record = new IntentRecord(old.intent(), old.clientOrderId(), state, at);
        return true;
    }

    List<IntentRecord> intentsIn(EnumSet<IntentState> states) {
        List<IntentEntry> found = new ArrayList<>();
        for (IntentState state : states) {
            found.addAll(intentsByState.get(state));
        }
        found.sort(INTENT_ORDER);
        return found.stream().map(e -> e.record).toList();
    }

    int countSubmittedSince(long sinceMs) {
        return submitted.countFrom(sinceMs);
    }

    /** Upserts the order (storage form) and adds the fills whose fill id is new. */
    void recordOrder(Order order, List<Fill> newFills) {
        OrderEntry entry = orders.get(order.clientOrderId());
        if (entry == null) {
            entry = new OrderEntry(orders.size() + 1L, order);
            orders.put(order.clientOrderId(), entry);
            ordersByCreation.add(entry.createdMs, entry);
            latestBySymbolAndSide.merge(
                    key(order.symbol(), order.side()), entry, (a, b) -> ORDER_ORDER.compare(a, b) >= 0 ? a : b);
        } else {
            openOrders.remove(entry);
            entry.order = merged(entry.order, order);
        }
        if (entry.order.status().isOpen()) {
            openOrders.add(entry);
        }
        for (Fill fill : newFills) {
            if (fillIds.add(fill.fillId())) {
                fills.add(fill.time().toEpochMilli(), fill);
            }
        }
    }

    Optional<Order> findOrder(String clientOrderId) {
        OrderEntry entry = orders.get(clientOrderId);
        return entry == null ? Optional.empty() : Optional.of(entry.order);
    }

    Optional<Order> latestOrder(Symbol symbol, Side side) {
        OrderEntry entry = latestBySymbolAndSide.get(key(symbol, side));
        return entry == null ? Optional.empty() : Optional.of(entry.order);
    }

    private static String key(Symbol symbol, Side side) {
        return symbol + "|" + side;
    }

    List<Order> openOrders() {
        return openOrders.stream().map(e -> e.order).toList();
    }

    List<Order> recentOrders(int limit, int offset) {
        return ordersByCreation.newest(limit, offset).stream().map(e -> e.order).toList();
    }

    List<Order> allOrders() {
        return ordersByCreation.all().stream().map(e -> e.order).toList();
    }

    long orderCount() {
        return orders.size();
    }

    List<Fill> allFills() {
        return fills.all();
    }

    private static boolean counts(IntentState state) {
        return state != IntentState.NOT_PLACED;
    }

    /** The upsert rule: the first creation time stays, and a known exchange order id is never lost. */
    private static Order merged(Order stored, Order update) {
        return new Order(
                update.clientOrderId(),
                update.exchangeOrderId() != null ? update.exchangeOrderId() : stored.exchangeOrderId(),
                update.intentId(),
                update.symbol(),
                update.side(),
                update.type(),
                update.price(),
                update.quantity(),
                update.filledQuantity(),
                update.status(),
                update.statusReason(),
                stored.createdAt(),
                update.updatedAt());
    }
}
