package io.cointrader.broker;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.OrderType;
import io.cointrader.exchange.ExchangeOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Maps the exchange's view of an order onto ours. */
final class ExchangeOrders {

    private ExchangeOrders() {}

    /**
     * Our order as the exchange reports it. "Filled" is decided by the executed volume, not by the
     * state: a cancelled order may be partly filled, and a done order is fully filled. Its creation time
     * is the trader's own clock at this report ({@code now}; the database keeps the first one): an
     * order's age (for its timeout) is measured on one clock, whatever the exchange's clock says.
     */
    static Order toOrder(ExchangeOrder e, String clientOrderId, String intentId, Instant now) {
        BigDecimal quantity = e.volume() != null ? e.volume() : e.executedVolume();
        BigDecimal executed = e.executedVolume().min(quantity);
        OrderStatus status =
                switch (e.state()) {
                    case "done" -> OrderStatus.FILLED;
                    case "cancel" -> OrderStatus.CANCELLED;
                    default -> executed.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
                };
        return new Order(
                clientOrderId,
                e.uuid(),
                intentId,
                e.symbol(),
                e.side(),
                "limit".equals(e.ordType()) ? OrderType.LIMIT : OrderType.MARKET,
                e.price(),
                quantity,
                executed,
                status,
                "exchange state " + e.state(),
                now,
                now);
    }

    /**
     * Fills for the trades not seen before. Upbit reports the fee per order, not per trade: the part of
     * the order's paid fee not yet given to earlier fills ({@code feeAlreadyRecorded}) is shared among
     * the new trades in proportion to their funds, the last one taking the rounding remainder, so the
     * fills' fees always add up to exactly what the exchange charged.
     */
    static List<Fill> newFills(
            ExchangeOrder e,
            String clientOrderId,
            String quote,
            Set<String> seenTradeIds,
            BigDecimal feeAlreadyRecorded) {
        List<ExchangeOrder.Trade> fresh = e.trades().stream()
                .filter(t -> !seenTradeIds.contains(t.uuid()))
                .toList();
        BigDecimal paidFee = e.paidFee() == null ? BigDecimal.ZERO : e.paidFee();
        BigDecimal feeLeft = paidFee.subtract(feeAlreadyRecorded).max(BigDecimal.ZERO);
        BigDecimal freshFunds = fresh.stream().map(ExchangeOrder.Trade::funds).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal toShare = feeLeft;
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            ExchangeOrder.Trade t = fresh.get(i);
            BigDecimal fee = i == fresh.size() - 1 || freshFunds.signum() == 0
                    ? feeLeft
                    : toShare.multiply(t.funds()).divide(freshFunds, 8, RoundingMode.DOWN);
            feeLeft = feeLeft.subtract(fee);
            fills.add(new Fill(
                    t.uuid(), clientOrderId, e.symbol(), e.side(), t.price(), t.volume(), fee, quote, t.createdAt()));
        }
        return fills;
    }
}
