package io.cointrader.app;

import io.cointrader.core.Fill;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Side;
import io.cointrader.sim.SimBalance;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimTrade;
import io.cointrader.sim.SimulatorState;
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

/**
 * The books after a soak: the simulator's orders, fills and balances against the trader's database. No
 * identifier twice on the exchange, no intent with two exchange orders, every exchange order in the
 * database with its state and filled volume, every fill recorded once, every intent settled, balances
 * explained to the last unit, and a sound database file.
 */
final class SoakLedger {

    private final SimulatorState exchange;
    private final String accessKey;
    private final BigDecimal startKrw;
    private final StateStore store;
    private final Path dbFile;

    SoakLedger(SimulatorState exchange, String accessKey, BigDecimal startKrw, StateStore store, Path dbFile) {
        this.exchange = exchange;
        this.accessKey = accessKey;
        this.startKrw = startKrw;
        this.store = store;
        this.dbFile = dbFile;
    }

    /** Adds its checks to {@code checks}; returns the figures of the books. */
    String verify(SoakChecks checks) {
        List<SimOrder> orders = exchange.orders(accessKey);
        List<SimTrade> trades = exchange.trades(accessKey);
        List<Fill> fills = store.allFills();
        long identifiers = orders.stream().map(SimOrder::identifier).distinct().count();
        checks.check(
                "no identifier was used for two exchange orders",
                identifiers == orders.size(),
                orders.size() + " orders, " + identifiers + " identifiers");
        checkOrders(checks, orders);
        checkIntents(checks, orders);
        checkFills(checks, orders, trades, fills);
        checkBalances(checks, fills);
        checkIntegrity(checks);
        checks.check(
                "orders were placed and filled",
                !orders.isEmpty() && !trades.isEmpty(),
                orders.size() + " orders, " + trades.size() + " fills");
        CancelAudit.Findings cancels = CancelAudit.audit(orders, store);
        checkCancels(checks, cancels);
        Map<String, Long> byState = orders.stream()
                .collect(Collectors.groupingBy(SimOrder::state, java.util.TreeMap::new, Collectors.counting()));
        return orders.size() + " exchange orders " + byState + ", " + trades.size() + " fills on the exchange, "
                + fills.size() + " in the database; " + cancels.replacedSells() + " sells placed again (up to attempt "
                + cancels.longestChain() + ")";
    }

    private static void checkCancels(SoakChecks checks, CancelAudit.Findings c) {
        checks.check(
                "every order the trader cancelled is recorded cancelled with its reason",
                c.cancelledOnExchange() > 0 && c.withoutReason().isEmpty(),
                c.cancelledOnExchange() + " cancelled on the exchange, "
                        + (c.withoutReason().isEmpty() ? "all with their reason" : first(c.withoutReason())));
        checks.check(
                "every sell placed again follows its cancelled predecessor one attempt up, never while it was live",
                c.replacedSells() > 0
                        && c.brokenChains().isEmpty()
                        && c.twoLive().isEmpty(),
                c.replacedSells() + " placed again, broken " + first(c.brokenChains()) + ", two live "
                        + first(c.twoLive()));
    }

    private void checkOrders(SoakChecks checks, List<SimOrder> orders) {
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, List<String>> ordersByIntent = new HashMap<>();
        for (SimOrder s : orders) {
            Optional<Order> ours = store.findOrder(s.identifier());
            if (ours.isEmpty()) {
                missing.add(s.identifier());
                continue;
            }
            Order o = ours.get();
            ordersByIntent.computeIfAbsent(o.intentId(), k -> new ArrayList<>()).add(s.uuid());
            OrderStatus expected =
                    switch (s.state()) {
                        case "done" -> OrderStatus.FILLED;
                        case "cancel" -> OrderStatus.CANCELLED;
                        default -> s.executedVolume().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
                    };
            if (!s.uuid().equals(o.exchangeOrderId())
                    || o.status() != expected
                    || o.filledQuantity().compareTo(s.executedVolume()) != 0) {
                wrong.add(s.identifier() + " exchange " + s.state() + "/"
                        + s.executedVolume().toPlainString() + " database " + o.status() + "/"
                        + o.filledQuantity().toPlainString());
            }
        }
        checks.check(
                "every exchange order is in the database",
                missing.isEmpty(),
                missing.isEmpty() ? orders.size() + " found" : missing.size() + " missing, e.g. " + first(missing));
        checks.check(
                "every order has the exchange's state and filled volume",
                wrong.isEmpty(),
                wrong.isEmpty() ? "all agree" : wrong.size() + " differ, e.g. " + first(wrong));
        List<String> doubled = ordersByIntent.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
        checks.check(
                "no intent has two exchange orders",
                doubled.isEmpty(),
                doubled.isEmpty() ? ordersByIntent.size() + " intents with an order" : "doubled: " + first(doubled));
    }

    private void checkIntents(SoakChecks checks, List<SimOrder> orders) {
        Set<String> onExchange = orders.stream().map(SimOrder::identifier).collect(Collectors.toSet());
        List<IntentRecord> intents = store.intentsIn(EnumSet.allOf(IntentState.class));
        List<String> unsettled = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (IntentRecord r : intents) {
            boolean exists = onExchange.contains(r.clientOrderId());
            switch (r.state()) {
                case SUBMITTING, UNKNOWN -> unsettled.add(r.clientOrderId());
                case PLACED -> {
                    if (!exists) {
                        wrong.add(r.clientOrderId() + " PLACED but not on the exchange");
                    }
                }
                default -> {
                    if (exists) {
                        wrong.add(r.clientOrderId() + " " + r.state() + " but on the exchange");
                    }
                }
            }
        }
        Map<IntentState, Long> byState = intents.stream()
                .collect(Collectors.groupingBy(
                        IntentRecord::state, () -> new java.util.EnumMap<>(IntentState.class), Collectors.counting()));
        checks.check(
                "every intent is settled",
                unsettled.isEmpty(),
                unsettled.isEmpty() ? "intents " + byState : unsettled.size() + " unsettled, e.g. " + first(unsettled));
        checks.check(
                "every intent's state agrees with the exchange",
                wrong.isEmpty(),
                wrong.isEmpty() ? intents.size() + " intents" : wrong.size() + " wrong, e.g. " + first(wrong));
    }

    private void checkFills(SoakChecks checks, List<SimOrder> orders, List<SimTrade> trades, List<Fill> fills) {
        Map<String, String> identifierOf =
                orders.stream().collect(Collectors.toMap(SimOrder::uuid, SimOrder::identifier));
        Map<String, Fill> byId = new HashMap<>();
        List<String> doubled = new ArrayList<>();
        for (Fill f : fills) {
            if (byId.put(f.fillId(), f) != null) {
                doubled.add(f.fillId());
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Set<String> tradeIds = new HashSet<>();
        for (SimTrade t : trades) {
            tradeIds.add(t.uuid());
            Fill f = byId.get(t.uuid());
            if (f == null) {
                lost.add(t.uuid() + " of " + identifierOf.get(t.orderUuid()));
            } else if (f.quantity().compareTo(t.volume()) != 0
                    || f.price().compareTo(t.price()) != 0
                    || !f.clientOrderId().equals(identifierOf.get(t.orderUuid()))) {
                wrong.add(t.uuid());
            }
        }
        List<String> invented =
                byId.keySet().stream().filter(id -> !tradeIds.contains(id)).toList();
        checks.check(
                "no fill is lost",
                lost.isEmpty(),
                lost.isEmpty() ? trades.size() + " fills recorded" : lost.size() + " lost, e.g. " + first(lost));
        checks.check(
                "no fill is recorded twice or invented",
                doubled.isEmpty() && invented.isEmpty(),
                doubled.size() + " twice, " + invented.size() + " unknown to the exchange");
        checks.check(
                "every fill has the exchange's price, volume and order",
                wrong.isEmpty(),
                wrong.isEmpty() ? "all agree" : wrong.size() + " differ, e.g. " + first(wrong));
    }

    private void checkBalances(SoakChecks checks, List<Fill> fills) {
        Map<String, BigDecimal> expected = new HashMap<>();
        expected.put("KRW", startKrw);
        for (Fill f : fills) {
            boolean buy = f.side() == Side.BUY;
            expected.merge(f.symbol().base(), buy ? f.quantity() : f.quantity().negate(), BigDecimal::add);
            BigDecimal cash =
                    buy ? f.notional().add(f.fee()).negate() : f.notional().subtract(f.fee());
            expected.merge("KRW", cash, BigDecimal::add);
        }
        Map<String, BigDecimal> actual = exchange.balances(accessKey).stream()
                .collect(Collectors.toMap(SimBalance::currency, SimBalance::total));
        Set<String> currencies = new HashSet<>(expected.keySet());
        currencies.addAll(actual.keySet());
        List<String> off = currencies.stream()
                .filter(c ->
                        expected.getOrDefault(c, BigDecimal.ZERO).compareTo(actual.getOrDefault(c, BigDecimal.ZERO))
                                != 0)
                .map(c -> c + " exchange "
                        + actual.getOrDefault(c, BigDecimal.ZERO).toPlainString() + " explained "
                        + expected.getOrDefault(c, BigDecimal.ZERO).toPlainString())
                .toList();
        checks.check(
                "balances reconcile exactly with the recorded fills",
                off.isEmpty(),
                off.isEmpty()
                        ? actual.keySet().stream()
                                .sorted()
                                .map(c -> c + " "
                                        + actual.get(c).stripTrailingZeros().toPlainString())
                                .collect(Collectors.joining(", "))
                        : off.toString());
    }

    private void checkIntegrity(SoakChecks checks) {
        String verdict;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            verdict = rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            verdict = e.getMessage();
        }
        checks.check("the database passes PRAGMA integrity_check", "ok".equals(verdict), verdict);
    }

    private static String first(List<String> items) {
        return items.subList(0, Math.min(3, items.size())).toString();
    }
}
