package io.cointrader.app;

import io.cointrader.config.OrderSettings;
import io.cointrader.core.Order;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.execution.CancelResult;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cancels orders that rested longer than their side allows (BUY_ORDER_TIMEOUT_SEC,
 * SELL_ORDER_TIMEOUT_SEC), so that a limit order the price ran away from never blocks its symbol for
 * good. A buy cancelled after a partial fill leaves the filled part as the position; a sell cancelled
 * this way is placed again at the current price ({@link ExitPlanner}). Time is the trading clock's, so
 * paper, replay, backtest and live trading expire alike.
 */
final class OrderTimeouts {

    /** The reason every timeout cancel starts with. */
    static final String REASON = "timeout";

    private final OrderSettings settings;
    private final ExecutionEngine engine;
    private final StateStore store;
    private final Clock clock;

    OrderTimeouts(OrderSettings settings, ExecutionEngine engine, StateStore store, Clock clock) {
        this.settings = settings;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /** When {@code order} times out. */
    Instant expiresAt(Order order) {
        return order.createdAt().plus(timeout(order.side()));
    }

    /**
     * Cancels the open orders of {@code symbol} that have timed out; returns a note for each, for the
     * tick's line. A cancel that fails is tried again on the next tick.
     */
    List<String> expire(Symbol symbol) {
        Instant now = clock.instant();
        List<String> notes = new ArrayList<>();
        for (Order order : store.openOrders()) {
            if (order.symbol().equals(symbol) && !now.isBefore(expiresAt(order))) {
                notes.add(cancel(order, Duration.between(order.createdAt(), now)));
            }
        }
        return notes;
    }

    private String cancel(Order order, Duration age) {
        String variable = order.side() == Side.BUY ? "BUY_ORDER_TIMEOUT_SEC" : "SELL_ORDER_TIMEOUT_SEC";
        String why = REASON + ": " + order.side() + " open " + Durations.shortText(age) + " (" + variable + "="
                + timeout(order.side()).toSeconds() + ")";
        CancelResult result = engine.cancel(order.clientOrderId(), why);
        return "timed out " + order.side() + " " + order.remainingQuantity().toPlainString() + " @ "
                + Display.krw(order.price()) + " after " + Durations.shortText(age) + ": " + result.detail();
    }

    private Duration timeout(Side side) {
        return side == Side.BUY ? settings.buyTimeout() : settings.sellTimeout();
    }
}
