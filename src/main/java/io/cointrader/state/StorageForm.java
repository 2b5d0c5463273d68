package io.cointrader.state;

import io.cointrader.core.Balance;
import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Values in the form {@link SqliteStateStore} gives them back (see {@link Columns}): times cut to whole
 * milliseconds, money with a negative scale at scale 0 (same value). {@link MemoryStateStore} keeps
 * everything in this form so that it answers exactly as the SQLite store does.
 */
final class StorageForm {

    private StorageForm() {}

    /** @throws ArithmeticException when the instant has no epoch-millisecond value, as in SQLite */
    static Instant time(Instant t) {
        long ms = t.toEpochMilli();
        return t.getNano() % 1_000_000 == 0 ? t : Instant.ofEpochMilli(ms);
    }

    static BigDecimal money(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }

    static IntentRecord intent(IntentRecord r) {
        OrderIntent i = r.intent();
        OrderIntent stored = new OrderIntent(
                i.intentId(),
                i.strategy(),
                i.symbol(),
                i.side(),
                i.type(),
                money(i.price()),
                money(i.quantity()),
                i.reason(),
                time(i.createdAt()),
                i.emergency());
        return new IntentRecord(stored, r.clientOrderId(), r.state(), time(r.updatedAt()));
    }

    static Order order(Order o) {
        return new Order(
                o.clientOrderId(),
                o.exchangeOrderId(),
                o.intentId(),
                o.symbol(),
                o.side(),
                o.type(),
                money(o.price()),
                money(o.quantity()),
                money(o.filledQuantity()),
                o.status(),
                o.statusReason(),
                time(o.createdAt()),
                time(o.updatedAt()));
    }

    static Fill fill(Fill f) {
        return new Fill(
                f.fillId(),
                f.clientOrderId(),
                f.symbol(),
                f.side(),
                money(f.price()),
                money(f.quantity()),
                money(f.fee()),
                f.feeCurrency(),
                time(f.time()));
    }

    static Balance balance(Balance b) {
        return new Balance(b.currency(), money(b.free()), money(b.locked()));
    }

    static Position position(Position p) {
        return new Position(p.symbol(), money(p.quantity()), money(p.averagePrice()));
    }

    static TickRecord tick(TickRecord t) {
        return new TickRecord(t.symbol(), time(t.time()), time(t.wallTime()), t.action(), money(t.price()), t.detail());
    }

    static SafetyEvent safetyEvent(SafetyEvent e) {
        return new SafetyEvent(e.type(), e.severity(), e.symbol(), e.message(), e.details(), time(e.time()));
    }

    /**
     * Orders text as SQLite's default (BINARY) collation does: by the UTF-8 bytes, which is the order of
     * the code points. {@link String#compareTo} differs for characters outside the Basic Multilingual
     * Plane.
     */
    static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
