package io.cointrader.app;

import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Position;
import io.cointrader.core.Side;
import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import io.cointrader.execution.CancelReasons;
import io.cointrader.execution.IntentIds;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a tick must sell its symbol's position whatever the strategy says: a sell of it timed
 * out and the rest is to be placed again at the current price (attempt 2, 3, ...), or a protective exit
 * is reached. While a sell of the symbol is open nothing more is placed: its timeout takes care of it.
 */
final class ExitPlanner {

    private final ProtectiveExits protective;
    private final StateStore store;

    ExitPlanner(ProtectiveExits protective, StateStore store) {
        this.protective = protective;
        this.store = store;
    }

    ProtectiveExits protective() {
        return protective;
    }

    /**
     * The exit to place now, if any.
     *
     * @param position the trader's position of the signal's symbol, empty when it has none (or only dust)
     * @param sellOpen whether a sell of the symbol is open
     * @param now the tick's time, for the intent id when the signal has no candle
     */
    Optional<Exit> exit(
            Signal signal, Optional<Position> position, java.math.BigDecimal price, boolean sellOpen, Instant now) {
        Symbol symbol = signal.symbol();
        if (position.isEmpty()) {
            protective.flat(symbol);
            return Optional.empty();
        }
        if (sellOpen) {
            return Optional.empty();
        }
        Optional<Exit> retry = retry(symbol);
        if (retry.isPresent()) {
            return retry;
        }
        return protective
                .check(position.get(), price)
                .map(t -> new Exit(
                        IntentIds.intentId(
                                        signal.strategy(),
                                        symbol,
                                        Side.SELL,
                                        Objects.requireNonNullElse(signal.candleTime(), now))
                                + "|" + t.kind(),
                        signal.strategy(),
                        t.reason()));
    }

    /**
     * Whether a sell of {@code symbol} timed out and its position is still to be sold: the newest sell
     * was cancelled for its timeout and no buy came after it.
     */
    boolean retryPending(Symbol symbol) {
        return timedOutSell(symbol).isPresent();
    }

    private Optional<Exit> retry(Symbol symbol) {
        return timedOutSell(symbol).map(last -> {
            String intentId = IntentIds.nextAttempt(last.intentId());
            // an attempt given up as not placed (its run died before the POST, say) has no order and never
            // will: its number is spent, and asking for it again would be refused as a duplicate forever
            while (store.findIntent(intentId)
                    .filter(r -> r.state() == IntentState.NOT_PLACED)
                    .isPresent()) {
                intentId = IntentIds.nextAttempt(intentId);
            }
            String strategy = store.findIntent(last.intentId())
                    .map(IntentRecord::intent)
                    .map(i -> i.strategy())
                    .orElse("exit");
            return new Exit(
                    intentId, strategy, "sell again after a timeout (attempt " + IntentIds.attemptOf(intentId) + ")");
        });
    }

    private Optional<Order> timedOutSell(Symbol symbol) {
        Optional<Order> sell = store.latestOrder(symbol, Side.SELL)
                .filter(o -> o.status() == OrderStatus.CANCELLED)
                .filter(o -> CancelReasons.cancelledFor(o, OrderTimeouts.REASON));
        if (sell.isEmpty()) {
            return sell;
        }
        Optional<Order> buy = store.latestOrder(symbol, Side.BUY);
        boolean boughtSince =
                buy.isPresent() && buy.get().createdAt().isAfter(sell.get().createdAt());
        return boughtSince ? Optional.empty() : sell;
    }

    /** A sell of the whole position under {@code intentId}, for {@code reason}. */
    record Exit(String intentId, String strategy, String reason) {}
}
