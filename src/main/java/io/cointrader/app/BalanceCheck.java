package io.cointrader.app;

import io.cointrader.broker.Broker;
import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.Side;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the exchange's balances with what the database explains: the balances seen when this run
 * started plus every fill recorded since. A difference beyond BALANCE_MISMATCH_TOLERANCE_PCT seen in two
 * checks in a row (a fill can land between reading the orders and reading the balances, so one sighting
 * is not yet unexplained) is a CRITICAL safety event and blocks new entries until the balances agree
 * again. Deposits and
 * withdrawals while the trader runs show up here too, by design: they are not explained by fills.
 */
final class BalanceCheck {

    private final Broker broker;
    private final StateStore store;
    private final AnomalyMonitor anomalies;
    private final SafetyEventSink safety;
    private final EntryBlock entries;
    private Map<String, BigDecimal> baseline;
    private Instant baselineTime;
    private Set<String> baselineFills;
    private boolean mismatchSeenLastTime;

    BalanceCheck(
            Broker broker, StateStore store, AnomalyMonitor anomalies, SafetyEventSink safety, EntryBlock entries) {
        this.broker = broker;
        this.store = store;
        this.anomalies = anomalies;
        this.safety = safety;
        this.entries = entries;
    }

    /** Takes the exchange's balances now as the starting point (after start-up reconciliation). */
    void startFrom(BalanceSnapshot snapshot) {
        baseline = totals(snapshot);
        baselineTime = snapshot.time();
        baselineFills = new HashSet<>();
        store.allFills().forEach(f -> baselineFills.add(f.fillId()));
    }

    /** Checks once; returns the mismatch events found (empty when everything agrees). */
    List<SafetyEvent> check() {
        BalanceSnapshot actual = broker.balances();
        if (baseline == null) {
            startFrom(actual);
            return List.of();
        }
        Map<String, BigDecimal> expected = new HashMap<>(baseline);
        for (Fill fill : store.allFills()) {
            if (!baselineFills.contains(fill.fillId())) {
                apply(expected, fill);
            }
        }
        Map<String, BigDecimal> seen = totals(actual);
        Set<String> currencies = new HashSet<>(expected.keySet());
        currencies.addAll(seen.keySet());
        List<SafetyEvent> events = currencies.stream()
                .sorted()
                .map(c -> anomalies.checkBalanceMismatch(
                        c, expected.getOrDefault(c, BigDecimal.ZERO), seen.getOrDefault(c, BigDecimal.ZERO)))
                .flatMap(Optional::stream)
                .toList();
        if (events.isEmpty()) {
            mismatchSeenLastTime = false;
            entries.clear();
            return List.of();
        }
        if (!mismatchSeenLastTime) {
            mismatchSeenLastTime = true;
            return List.of();
        }
        events.forEach(safety::record);
        entries.block("balance mismatch between the exchange and the database (see logs/safety.jsonl)");
        return events;
    }

    Instant baselineTime() {
        return baselineTime;
    }

    private static void apply(Map<String, BigDecimal> totals, Fill fill) {
        String base = fill.symbol().base();
        String quote = fill.symbol().quote();
        BigDecimal notional = fill.notional();
        if (fill.side() == Side.BUY) {
            totals.merge(base, fill.quantity(), BigDecimal::add);
            totals.merge(quote, notional.add(fill.fee()).negate(), BigDecimal::add);
        } else {
            totals.merge(base, fill.quantity().negate(), BigDecimal::add);
            totals.merge(quote, notional.subtract(fill.fee()), BigDecimal::add);
        }
    }

    private static Map<String, BigDecimal> totals(BalanceSnapshot snapshot) {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (Balance b : snapshot.balances().values()) {
            totals.put(b.currency(), b.total());
        }
        return totals;
    }
}
