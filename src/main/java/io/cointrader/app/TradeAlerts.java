package io.cointrader.app;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.Severity;
import io.cointrader.execution.TradeListener;
import io.cointrader.notify.Notifier;

/** Tells people (Slack, or the log) about every live order placed and every live fill. */
final class TradeAlerts implements TradeListener {

    private final Notifier notifier;

    TradeAlerts(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void orderPlaced(Order order) {
        notifier.send(
                Severity.INFO,
                "LIVE order " + order.side() + " " + order.symbol(),
                order.type() + " " + order.side() + " " + order.quantity().toPlainString() + " " + order.symbol()
                        + (order.price() == null ? "" : " @ " + Display.krw(order.price())) + " -> "
                        + order.status());
    }

    @Override
    public void filled(Fill fill) {
        notifier.send(
                Severity.INFO,
                "LIVE fill " + fill.side() + " " + fill.symbol(),
                fill.side() + " " + fill.quantity().toPlainString() + " " + fill.symbol() + " @ "
                        + Display.krw(fill.price()) + ", fee " + fill.fee().toPlainString() + " "
                        + fill.feeCurrency());
    }
}
