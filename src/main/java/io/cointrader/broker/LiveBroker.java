package io.cointrader.broker;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AccountBalance;
import io.cointrader.exchange.ExchangeOrder;
import io.cointrader.exchange.OrderRequest;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.UnsupportedEndpointException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real orders on the exchange's private API. Every order carries our client order id as its Upbit
 * {@code identifier}, so an order whose answer was lost is found again by {@link #lookup}. Open orders
 * are followed by identifier on every {@link #refresh}; fills are the exchange's trades (by trade id,
 * so a fill is never counted twice). Balances are the exchange's; positions are the trader's own, from
 * its fills ({@link OwnHoldings}) and never more than the exchange holds, so that coins the account held
 * before or got from elsewhere are never sold, never count as a position and never size an order.
 *
 * <p>Not thread-safe: one trading thread drives it.
 */
public final class LiveBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(LiveBroker.class);
    private static final java.time.Duration ACCOUNTS_REUSE = java.time.Duration.ofSeconds(1);

    private final PrivateExchange exchange;
    private final String quote;
    private final Clock clock;
    private final Map<String, Order> openOrders = new LinkedHashMap<>();
    private final Map<String, Set<String>> seenTrades = new HashMap<>();
    private final Map<String, BigDecimal> recordedFees = new HashMap<>();
    private final OwnHoldings own;
    private boolean closedListServed = true;
    private List<AccountBalance> accounts;
    private Instant accountsReadAt = Instant.MIN;

    /** @param stillOpen orders the database holds as open, followed from the start */
    public LiveBroker(
            PrivateExchange exchange, String quote, Clock clock, List<Order> stillOpen, List<Fill> knownFills) {
        this.exchange = exchange;
        this.quote = quote;
        this.clock = clock;
        stillOpen.forEach(o -> openOrders.put(o.clientOrderId(), o));
        this.own = new OwnHoldings(knownFills);
        for (Fill fill : knownFills) {
            seenTrades
                    .computeIfAbsent(fill.clientOrderId(), k -> new HashSet<>())
                    .add(fill.fillId());
            recordedFees.merge(fill.clientOrderId(), fill.fee(), BigDecimal::add);
        }
    }

    /**
     * The exchange's balances, read again when the last read is a second old or older, or when an order
     * of the trader may have moved them since (a placement, a cancel, a fill): one tick asks for the
     * balances, the positions and what may be sold, and that is one call instead of three.
     */
    private List<AccountBalance> accounts() {
        Instant now = clock.instant();
        if (accounts == null || !now.isBefore(accountsReadAt.plus(ACCOUNTS_REUSE))) {
            accounts = exchange.accounts();
            accountsReadAt = now;
        }
        return accounts;
    }

    private void balancesMayHaveMoved() {
        accounts = null;
    }

    @Override
    public OrderUpdate place(OrderIntent intent, String clientOrderId) {
        balancesMayHaveMoved();
        ExchangeOrder placed = exchange.placeOrder(
                new OrderRequest(intent.symbol(), intent.side(), intent.price(), intent.quantity(), clientOrderId));
        return track(placed, clientOrderId, intent.intentId());
    }

    @Override
    public List<OrderUpdate> refresh(MarketData market) {
        List<OrderUpdate> updates = new ArrayList<>();
        for (Order order : List.copyOf(openOrders.values())) {
            if (!order.symbol().equals(market.symbol())) {
                continue;
            }
            Optional<ExchangeOrder> current = exchange.orderByIdentifier(order.clientOrderId());
            if (current.isEmpty()) {
                continue; // not visible yet; reconciliation settles orders that never existed
            }
            OrderUpdate update = track(current.get(), order.clientOrderId(), order.intentId());
            if (!update.fills().isEmpty() || update.order().status() != order.status()) {
                updates.add(update);
            }
        }
        return updates;
    }

    @Override
    public Optional<OrderUpdate> lookup(String clientOrderId) {
        Optional<ExchangeOrder> found = exchange.orderByIdentifier(clientOrderId);
        String intentId = Optional.ofNullable(openOrders.get(clientOrderId))
                .map(Order::intentId)
                .orElse(null);
        return found.map(e -> track(e, clientOrderId, intentId));
    }

    @Override
    public Optional<OrderUpdate> cancel(String clientOrderId) {
        balancesMayHaveMoved();
        exchange.cancelByIdentifier(clientOrderId);
        // the cancel is asynchronous: report the order as it stands now; later refreshes see the end state
        return lookup(clientOrderId);
    }

    @Override
    public BalanceSnapshot balances() {
        Map<String, Balance> balances = new HashMap<>();
        for (AccountBalance a : accounts()) {
            balances.put(a.currency(), new Balance(a.currency(), a.balance(), a.locked()));
        }
        return new BalanceSnapshot(balances, clock.instant());
    }

    @Override
    public List<Position> positions() {
        Map<String, BigDecimal> held = accountTotals();
        List<Position> positions = new ArrayList<>();
        for (Symbol symbol : own.held()) {
            BigDecimal quantity = own.quantity(symbol).min(held.getOrDefault(symbol.base(), BigDecimal.ZERO));
            if (quantity.signum() > 0) {
                positions.add(new Position(symbol, quantity, own.averagePrice(symbol)));
            }
        }
        return positions;
    }

    /** Own quantity less what own open sells lock, within the account's free balance. */
    @Override
    public BigDecimal sellable(Symbol symbol) {
        BigDecimal locked = openOrders.values().stream()
                .filter(o -> o.side() == Side.SELL && o.symbol().equals(symbol))
                .map(Order::remainingQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal free = accounts().stream()
                .filter(a -> a.currency().equals(symbol.base()))
                .map(AccountBalance::balance)
                .findFirst()
                .orElse(BigDecimal.ZERO);
        return own.quantity(symbol).subtract(locked).min(free).max(BigDecimal.ZERO);
    }

    @Override
    public boolean showsOrdersLate() {
        return true;
    }

    /**
     * Open orders of every market and the orders closed since {@code since}. An exchange without the
     * closed-order list (an older simulator) is read for open orders only; that it lacks the list is
     * said once.
     */
    @Override
    public List<String> recentOrderIds(String prefix, Instant since) {
        List<ExchangeOrder> orders = new ArrayList<>(exchange.allOpenOrders());
        if (closedListServed) {
            try {
                orders.addAll(exchange.closedOrders(since, clock.instant()));
            } catch (UnsupportedEndpointException e) {
                closedListServed = false;
                LOG.warn(
                        "the exchange does not list closed orders ({}); late orders are found while open only",
                        e.getMessage());
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ExchangeOrder order : orders) {
            if (order.identifier() != null && order.identifier().startsWith(prefix)) {
                ids.add(order.identifier());
            }
        }
        return List.copyOf(ids);
    }

    private Map<String, BigDecimal> accountTotals() {
        Map<String, BigDecimal> totals = new HashMap<>();
        for (AccountBalance a : accounts()) {
            totals.put(a.currency(), a.balance().add(a.locked()));
        }
        return totals;
    }

    @Override
    public String quoteCurrency() {
        return quote;
    }

    @Override
    public void unrecorded(OrderUpdate update) {
        String clientOrderId = update.order().clientOrderId();
        Set<String> seen = seenTrades.get(clientOrderId);
        for (Fill fill : update.fills()) {
            if (seen != null && seen.remove(fill.fillId())) {
                recordedFees.merge(clientOrderId, fill.fee().negate(), BigDecimal::add);
                own.remove(fill);
            }
        }
        // followed again even when it has closed meanwhile, so that the next refresh reports the fills
        openOrders.putIfAbsent(clientOrderId, update.order());
    }

    /** Maps the exchange order, keeps only trades not reported before, and follows it while open. */
    private OrderUpdate track(ExchangeOrder e, String clientOrderId, String intentId) {
        Instant now = clock.instant();
        Order order = ExchangeOrders.toOrder(e, clientOrderId, intentId == null ? clientOrderId : intentId, now);
        Set<String> seen = seenTrades.computeIfAbsent(clientOrderId, k -> new HashSet<>());
        List<Fill> newFills = ExchangeOrders.newFills(
                e, clientOrderId, quote, seen, recordedFees.getOrDefault(clientOrderId, BigDecimal.ZERO));
        if (!newFills.isEmpty() || !order.status().isOpen()) {
            balancesMayHaveMoved();
        }
        for (Fill fill : newFills) {
            seen.add(fill.fillId());
            recordedFees.merge(clientOrderId, fill.fee(), BigDecimal::add);
            own.add(fill);
        }
        if (order.status().isOpen()) {
            openOrders.put(clientOrderId, order);
        } else {
            openOrders.remove(clientOrderId);
        }
        return new OrderUpdate(order, newFills);
    }
}
