package io.cointrader.broker;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.InsufficientFundsException;
import io.cointrader.exchange.OrderRejectedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Simulated broker. A LIMIT order fills in full, at its limit price, as soon as the last trade price
 * crosses it (buy: price at or below the limit; sell: at or above); otherwise it rests and is checked
 * again on every {@link #refresh}. A MARKET order fills at the last price. Every fill pays {@code
 * feeRate} of its value in the quote currency. Buys reserve price x volume plus the fee, as Upbit does.
 *
 * <p>The account lives in the database as fills and open orders: {@link #restore} rebuilds it exactly
 * after a restart. Thread-safe (methods are synchronised); meant to be driven by one trading thread.
 */
public final class PaperBroker implements Broker {

    private final String quote;
    private final BigDecimal feeRate;
    private final Clock clock;
    private final PaperLedger ledger;
    private final Map<String, Order> openOrders = new LinkedHashMap<>();
    private final Map<String, OrderUpdate> knownOrders = new HashMap<>();
    private final Map<Symbol, BigDecimal> lastPrices = new HashMap<>();

    private PaperBroker(String quote, BigDecimal initialCash, BigDecimal feeRate, Clock clock) {
        this.quote = quote;
        this.feeRate = feeRate;
        this.clock = clock;
        this.ledger = new PaperLedger(quote, initialCash);
    }

    /** A fresh account holding {@code initialCash} of {@code quote}. */
    public static PaperBroker fresh(String quote, BigDecimal initialCash, BigDecimal feeRate, Clock clock) {
        return restore(quote, initialCash, feeRate, clock, List.of(), List.of());
    }

    /**
     * Rebuilds the account from its starting cash, every stored fill (oldest first) and the orders that
     * are still open.
     */
    public static PaperBroker restore(
            String quote,
            BigDecimal initialCash,
            BigDecimal feeRate,
            Clock clock,
            List<Fill> fills,
            List<Order> stillOpen) {
        PaperBroker broker = new PaperBroker(quote, initialCash, feeRate, clock);
        for (Fill fill : fills) {
            broker.ledger.apply(fill, false);
        }
        for (Order order : stillOpen) {
            broker.reserve(order.symbol(), order.side(), order.price(), order.remainingQuantity());
            broker.openOrders.put(order.clientOrderId(), order);
            broker.knownOrders.put(order.clientOrderId(), new OrderUpdate(order, List.of()));
        }
        return broker;
    }

    @Override
    public synchronized OrderUpdate place(OrderIntent intent, String clientOrderId) {
        if (!intent.symbol().quote().equals(quote)) {
            throw new OrderRejectedException("paper account trades " + quote + " pairs only, not " + intent.symbol());
        }
        if (knownOrders.containsKey(clientOrderId)) {
            throw new OrderRejectedException("client order id already used: " + clientOrderId);
        }
        BigDecimal last = lastPrices.get(intent.symbol());
        if (intent.type() == OrderType.MARKET && last == null) {
            throw new OrderRejectedException("no market price yet for " + intent.symbol());
        }
        BigDecimal reservePrice = intent.type() == OrderType.MARKET ? last : intent.price();
        requireFunds(intent, reservePrice);
        Instant now = clock.instant();
        Order order = new Order(
                clientOrderId,
                "paper-" + clientOrderId,
                intent.intentId(),
                intent.symbol(),
                intent.side(),
                intent.type(),
                intent.price(),
                intent.quantity(),
                BigDecimal.ZERO,
                OrderStatus.OPEN,
                null,
                now,
                now);
        reserve(order.symbol(), order.side(), reservePrice, order.quantity());
        openOrders.put(clientOrderId, order);
        OrderUpdate update = tryFill(order, last).orElse(new OrderUpdate(order, List.of()));
        knownOrders.put(clientOrderId, update);
        return update;
    }

    @Override
    public synchronized List<OrderUpdate> refresh(MarketData market) {
        lastPrices.put(market.symbol(), market.price());
        List<OrderUpdate> updates = new ArrayList<>();
        for (Order order : List.copyOf(openOrders.values())) {
            if (order.symbol().equals(market.symbol())) {
                tryFill(order, market.price()).ifPresent(update -> {
                    updates.add(update);
                    knownOrders.put(order.clientOrderId(), update);
                });
            }
        }
        return updates;
    }

    @Override
    public synchronized Optional<OrderUpdate> lookup(String clientOrderId) {
        return Optional.ofNullable(knownOrders.get(clientOrderId));
    }

    @Override
    public synchronized Optional<OrderUpdate> cancel(String clientOrderId) {
        Order order = openOrders.remove(clientOrderId);
        if (order == null) {
            return lookup(clientOrderId);
        }
        release(order.symbol(), order.side(), order.price(), order.remainingQuantity());
        OrderUpdate update =
                new OrderUpdate(order.withStatus(OrderStatus.CANCELLED, "cancelled", clock.instant()), List.of());
        knownOrders.put(clientOrderId, update);
        return Optional.of(update);
    }

    @Override
    public synchronized BalanceSnapshot balances() {
        return new BalanceSnapshot(
                ledger.balances().stream().collect(Collectors.toMap(b -> b.currency(), Function.identity())),
                clock.instant());
    }

    @Override
    public synchronized List<Position> positions() {
        return ledger.positions();
    }

    @Override
    public synchronized BigDecimal sellable(Symbol symbol) {
        return ledger.freeQuantity(symbol);
    }

    @Override
    public String quoteCurrency() {
        return quote;
    }

    private void requireFunds(OrderIntent intent, BigDecimal price) {
        if (intent.side() == Side.BUY) {
            BigDecimal needed = cashReservation(price, intent.quantity());
            if (needed.compareTo(ledger.cashFree()) > 0) {
                throw new InsufficientFundsException(
                        "paper account has " + ledger.cashFree().toPlainString() + " " + quote
                                + " free, the order needs " + needed.toPlainString());
            }
        } else if (intent.quantity().compareTo(ledger.freeQuantity(intent.symbol())) > 0) {
            throw new InsufficientFundsException("paper account has "
                    + ledger.freeQuantity(intent.symbol()).toPlainString() + " "
                    + intent.symbol().base()
                    + " free, the order sells " + intent.quantity().toPlainString());
        }
    }

    private Optional<OrderUpdate> tryFill(Order order, BigDecimal lastPrice) {
        if (lastPrice == null || !crosses(order, lastPrice)) {
            return Optional.empty();
        }
        BigDecimal fillPrice = order.type() == OrderType.MARKET ? lastPrice : order.price();
        BigDecimal quantity = order.remainingQuantity();
        BigDecimal fee = fillPrice.multiply(quantity).multiply(feeRate).setScale(8, RoundingMode.HALF_UP);
        Instant now = clock.instant();
        Fill fill = new Fill(
                order.clientOrderId() + "-f" + (order.filledQuantity().signum() == 0 ? 1 : 2),
                order.clientOrderId(),
                order.symbol(),
                order.side(),
                fillPrice,
                quantity,
                fee,
                quote,
                now);
        BigDecimal reservePrice = order.type() == OrderType.MARKET ? fillPrice : order.price();
        if (order.side() == Side.BUY) {
            // the reservation was computed at the reserve price; settle it exactly, then pay from free cash
            ledger.unlockCash(cashReservation(reservePrice, quantity));
        } else {
            ledger.unlockQuantity(order.symbol(), quantity);
        }
        ledger.apply(fill, false);
        openOrders.remove(order.clientOrderId());
        Order filled = order.withFill(order.quantity(), OrderStatus.FILLED, now);
        return Optional.of(new OrderUpdate(filled, List.of(fill)));
    }

    private static boolean crosses(Order order, BigDecimal lastPrice) {
        if (order.type() == OrderType.MARKET) {
            return true;
        }
        int cmp = lastPrice.compareTo(order.price());
        return order.side() == Side.BUY ? cmp <= 0 : cmp >= 0;
    }

    private void reserve(Symbol symbol, Side side, BigDecimal price, BigDecimal quantity) {
        if (side == Side.BUY) {
            ledger.lockCash(cashReservation(price, quantity));
        } else {
            ledger.lockQuantity(symbol, quantity);
        }
    }

    private void release(Symbol symbol, Side side, BigDecimal price, BigDecimal quantity) {
        if (side == Side.BUY) {
            ledger.unlockCash(cashReservation(price, quantity));
        } else {
            ledger.unlockQuantity(symbol, quantity);
        }
    }

    private BigDecimal cashReservation(BigDecimal price, BigDecimal quantity) {
        BigDecimal notional = price.multiply(quantity);
        return notional.add(notional.multiply(feeRate).setScale(8, RoundingMode.HALF_UP));
    }
}
