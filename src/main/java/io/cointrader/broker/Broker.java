package io.cointrader.broker;

import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.Position;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Places and tracks orders for one account. Called only by the execution engine, from one thread.
 *
 * <p>{@link #place} either returns what the broker did (an accepted, filled or rejected order with
 * its fills) or throws: {@link io.cointrader.exchange.InsufficientFundsException} and {@link
 * io.cointrader.exchange.OrderRejectedException} mean nothing was placed; any other exception means
 * the outcome is unknown and must be settled with {@link #lookup}.
 */
public interface Broker {

    /** Places the order under our {@code clientOrderId} (Upbit {@code identifier}). */
    OrderUpdate place(OrderIntent intent, String clientOrderId);

    /**
     * Brings the broker's open orders for {@code market.symbol()} up to date with the latest market
     * data and returns every order whose status or fills changed (with the new fills only).
     */
    List<OrderUpdate> refresh(MarketData market);

    /** The order placed under {@code clientOrderId}, with all its fills, or empty if none exists. */
    Optional<OrderUpdate> lookup(String clientOrderId);

    /** Asks to cancel an open order; returns the order as it stands after the request. */
    Optional<OrderUpdate> cancel(String clientOrderId);

    BalanceSnapshot balances();

    /**
     * The trader's own open positions (quantity above zero), free and locked quantity together: what its
     * fills bought and sold, never coins the account held before or got from elsewhere, and never more
     * than the account holds.
     */
    List<Position> positions();

    /** The quote currency of the account, {@code KRW} on Upbit's KRW market. */
    String quoteCurrency();

    /**
     * Takes back {@code update}, as this broker reported it, because it could not be recorded (the
     * database refused the write): its fills count as not reported yet, so that the next report of the
     * order carries them again instead of losing them. A broker that does not remember what it reported
     * has nothing to do.
     */
    default void unrecorded(OrderUpdate update) {}

    /**
     * Whether an order this broker accepted may be invisible to {@link #lookup} for a while (an exchange
     * that creates orders asynchronously). When true, "not found" right after an unanswered placement
     * proves nothing yet. The paper broker knows every order at once.
     */
    default boolean showsOrdersLate() {
        return false;
    }

    /**
     * The client order ids starting with {@code prefix} of the orders the exchange holds open now or
     * closed since {@code since}: the way to find an order the exchange created after its placement went
     * unanswered and the lookups gave up. Empty for brokers whose orders never appear late.
     *
     * @throws io.cointrader.exchange.ExchangeException when the exchange cannot be read
     */
    default List<String> recentOrderIds(String prefix, java.time.Instant since) {
        return List.of();
    }

    /**
     * The quantity of {@code symbol}'s base currency this trader may sell now: what its own fills bought
     * and still hold, less what its open sell orders lock, and never more than the account's free
     * balance.
     */
    BigDecimal sellable(Symbol symbol);
}
