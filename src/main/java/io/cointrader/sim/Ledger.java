package io.cointrader.sim;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The books of the simulated exchange: wallets, orders and fills of every account, and the orders
 * waiting to be created late. Every method holds the ledger's lock, so concurrent requests see and
 * leave consistent balances: for each account, KRW free + locked always equals the initial KRW - bid
 * funds - bid fees + ask funds - ask fees; each coin's free + locked equals its initial holding (coins
 * the account starts with, {@link SimAccount#holdings()}) + bought volume - sold volume; and the
 * locked amounts equal what the open orders hold. An order waiting to be created late locks nothing.
 */
final class Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /** A validated order whose creation is due at {@code dueAt} of the wall clock. */
    private record LateOrder(String accessKey, OrderForm form, Instant dueAt) {}

    private final BigDecimal feeRate;
    private final Set<Symbol> markets;
    private final Map<String, Wallet> wallets = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedIdentifiers = new HashMap<>();
    private final Map<String, LedgerOrder> byUuid = new LinkedHashMap<>();
    private final Map<String, LedgerOrder> byIdentifier = new HashMap<>();
    private final List<LedgerOrder> open = new ArrayList<>();
    private final List<SimTrade> trades = new ArrayList<>();
    private final List<LateOrder> late = new ArrayList<>();
    private long nextSequence;

    Ledger(Map<String, SimAccount> accounts, BigDecimal feeRate, Set<Symbol> markets) {
        this.feeRate = feeRate;
        this.markets = Set.copyOf(markets);
        accounts.forEach((key, account) -> {
            wallets.put(key, new Wallet(account.initialKrw(), account.holdings()));
            usedIdentifiers.put(key, new HashSet<>());
        });
    }

    BigDecimal feeRate() {
        return feeRate;
    }

    Set<Symbol> markets() {
        return markets;
    }

    /**
     * Validates and books a limit order, locking its funds. A given identifier is used up even when
     * the order is then rejected, as on Upbit.
     *
     * @throws ApiError 400 with Upbit's error name when the order is not created
     */
    synchronized SimOrder place(String accessKey, Params body, Instant now) {
        return book(accessKey, admit(accessKey, body), now).snapshot();
    }

    /**
     * Validates an order as {@link #place} does, using up its identifier, but creates it only once the
     * wall clock reaches {@code dueAt} (see {@link #createDueOrders}); until then it locks nothing and
     * no look-up finds it.
     *
     * @throws ApiError 400 with Upbit's error name when the order would not be created
     */
    synchronized void placeLate(String accessKey, Params body, Instant dueAt) {
        late.add(new LateOrder(accessKey, admit(accessKey, body), dueAt));
    }

    /**
     * Creates, in the order they were placed, the late orders due at {@code wallNow}, stamped with it.
     * One whose funds are no longer free is dropped, as Upbit would reject it.
     */
    synchronized void createDueOrders(Instant wallNow) {
        List<LateOrder> due =
                late.stream().filter(o -> !o.dueAt().isAfter(wallNow)).toList();
        late.removeAll(due);
        for (LateOrder order : due) {
            try {
                book(order.accessKey(), order.form(), wallNow);
            } catch (ApiError e) {
                LOG.info("late order {} not created: {}", order.form().identifier(), e.getMessage());
            }
        }
    }

    /**
     * The order named by {@code uuid} (preferred) or {@code identifier} in {@code query}.
     *
     * @throws ApiError 400 without either, 404 {@code order_not_found} when the account has no such order
     */
    synchronized SimOrder find(String accessKey, Params query) {
        return lookUp(accessKey, query).snapshot();
    }

    /**
     * Accepts a cancel: the order keeps state {@code wait} until the next matching step cancels it.
     *
     * @throws ApiError 404 {@code order_not_found} also when the order is already done or cancelled
     */
    synchronized SimOrder requestCancel(String accessKey, Params query) {
        LedgerOrder order = lookUp(accessKey, query);
        if (!order.isOpen()) {
            throw ApiError.of(404, "order_not_found", "order " + order.uuid() + " is no longer open");
        }
        order.requestCancel();
        return order.snapshot();
    }

    /** Resting orders of the account, oldest first, optionally of one market. */
    synchronized List<SimOrder> openOrders(String accessKey, Optional<Symbol> market) {
        return open.stream()
                .filter(o -> o.accessKey().equals(accessKey))
                .filter(o -> market.map(m -> m.equals(o.symbol())).orElse(true))
                .map(LedgerOrder::snapshot)
                .toList();
    }

    /**
     * Ended orders ({@code done} or {@code cancel}) of the account in {@code states}, created from
     * {@code from} to {@code to} (both included), optionally of one market, oldest first.
     */
    synchronized List<SimOrder> closedOrders(
            String accessKey, Optional<Symbol> market, Set<String> states, Instant from, Instant to) {
        return byUuid.values().stream()
                .filter(o -> o.accessKey().equals(accessKey) && !o.isOpen())
                .filter(o -> market.map(m -> m.equals(o.symbol())).orElse(true))
                .map(LedgerOrder::snapshot)
                .filter(o -> states.contains(o.state()))
                .filter(o -> !o.createdAt().isBefore(from) && !o.createdAt().isAfter(to))
                .sorted(Comparator.comparing(SimOrder::createdAt))
                .toList();
    }

    synchronized List<SimBalance> balances(String accessKey) {
        return wallet(accessKey).balances();
    }

    /** Ends every order whose cancel was accepted and frees what it locked. */
    synchronized void applyCancels() {
        List<LedgerOrder> cancelled =
                open.stream().filter(LedgerOrder::cancelRequested).toList();
        for (LedgerOrder order : cancelled) {
            BigDecimal released = order.cancel();
            wallets.get(order.accessKey()).unlock(currency(order), released);
            open.remove(order);
        }
    }

    synchronized boolean hasOpenOrders() {
        return !open.isEmpty();
    }

    /** Markets with resting orders, in market-code order. */
    synchronized List<Symbol> marketsWithOpenOrders() {
        return open.stream()
                .map(LedgerOrder::symbol)
                .distinct()
                .sorted(Comparator.comparing(Symbol::marketCode))
                .toList();
    }

    /** Resting orders on {@code symbol} and {@code side}, in placement order. */
    synchronized List<LedgerOrder> openOrders(Symbol symbol, Side side) {
        return open.stream()
                .filter(o -> o.symbol().equals(symbol) && o.side() == side)
                .toList();
    }

    /**
     * Fills {@code volume} of {@code order} at its limit price and settles the wallet; the trade is
     * stamped {@code stamp} of the wall clock, made at {@code marketTime} of the market.
     */
    synchronized void fill(LedgerOrder order, BigDecimal volume, Instant stamp, Instant marketTime, boolean priceRose) {
        SimTrade trade = order.fill(volume, stamp, marketTime, priceRose);
        Wallet wallet = wallets.get(order.accessKey());
        String base = order.symbol().base();
        if (order.side() == Side.BUY) {
            wallet.spendLocked(Wallet.KRW, trade.funds().add(trade.fee()));
            wallet.creditBought(base, trade.volume(), trade.funds());
        } else {
            wallet.spendLocked(base, trade.volume());
            wallet.credit(Wallet.KRW, trade.funds().subtract(trade.fee()));
        }
        trades.add(trade);
        if (!order.isOpen()) {
            open.remove(order);
        }
    }

    synchronized List<SimOrder> orders(String accessKey) {
        return byUuid.values().stream()
                .filter(o -> o.accessKey().equals(accessKey))
                .map(LedgerOrder::snapshot)
                .toList();
    }

    synchronized Optional<SimOrder> order(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid)).map(LedgerOrder::snapshot);
    }

    synchronized List<SimTrade> trades(String accessKey) {
        Set<String> mine = new LinkedHashSet<>();
        byUuid.values().stream().filter(o -> o.accessKey().equals(accessKey)).forEach(o -> mine.add(o.uuid()));
        return trades.stream().filter(t -> mine.contains(t.orderUuid())).toList();
    }

    Set<String> accessKeys() {
        return wallets.keySet();
    }

    /** Uses up the identifier, then validates the order and checks its funds are free. */
    private OrderForm admit(String accessKey, Params body) {
        String identifier = body.first("identifier").orElse(null);
        if (identifier != null && !usedIdentifiers.get(accessKey).add(identifier)) {
            throw ApiError.of(400, "duplicate_identifier", "identifier " + identifier + " was used before");
        }
        OrderForm form = OrderForm.parse(body, markets, identifier);
        requireFree(wallet(accessKey), form);
        return form;
    }

    /** Locks the order's funds and opens it. */
    private LedgerOrder book(String accessKey, OrderForm form, Instant now) {
        Wallet wallet = wallet(accessKey);
        requireFree(wallet, form);
        wallet.lock(currency(form), LedgerOrder.lockFor(form, feeRate));
        LedgerOrder order = new LedgerOrder(nextSequence++, accessKey, form, feeRate, now);
        byUuid.put(order.uuid(), order);
        if (form.identifier() != null) {
            byIdentifier.put(accessKey + "\n" + form.identifier(), order);
        }
        open.add(order);
        return order;
    }

    private void requireFree(Wallet wallet, OrderForm form) {
        String currency = currency(form);
        BigDecimal lock = LedgerOrder.lockFor(form, feeRate);
        if (wallet.free(currency).compareTo(lock) < 0) {
            throw ApiError.of(
                    400,
                    "insufficient_funds_" + form.sideName(),
                    "needs " + lock.toPlainString() + " " + currency + " free, has "
                            + wallet.free(currency).toPlainString());
        }
    }

    private LedgerOrder lookUp(String accessKey, Params query) {
        Optional<String> uuid = query.first("uuid");
        Optional<String> identifier = query.first("identifier");
        if (uuid.isEmpty() && identifier.isEmpty()) {
            throw ApiError.validation("uuid or identifier is required");
        }
        LedgerOrder order =
                uuid.isPresent() ? byUuid.get(uuid.get()) : byIdentifier.get(accessKey + "\n" + identifier.get());
        if (order == null || !order.accessKey().equals(accessKey)) {
            throw ApiError.of(404, "order_not_found", "order not found");
        }
        return order;
    }

    private Wallet wallet(String accessKey) {
        Wallet wallet = wallets.get(accessKey);
        if (wallet == null) {
            throw new IllegalStateException("no wallet for a verified access key");
        }
        return wallet;
    }

    private static String currency(LedgerOrder order) {
        return order.side() == Side.BUY ? Wallet.KRW : order.symbol().base();
    }

    private static String currency(OrderForm form) {
        return form.side() == Side.BUY ? Wallet.KRW : form.symbol().base();
    }
}
