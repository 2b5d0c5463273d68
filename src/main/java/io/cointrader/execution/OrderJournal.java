package io.cointrader.execution;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes order and fill events to the {@code orders} and {@code fills} JSON-lines logs. */
final class OrderJournal {

    private static final Logger ORDERS = LoggerFactory.getLogger("cointrader.orders");
    private static final Logger FILLS = LoggerFactory.getLogger("cointrader.fills");
    private static final Logger LOG = LoggerFactory.getLogger(OrderJournal.class);

    private final TradeListener listener;

    OrderJournal(TradeListener listener) {
        this.listener = listener;
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("trade listener failed: {}", e.getMessage());
        }
    }

    void order(String event, Order order) {
        if (event.equals("placed") || event.equals("reconciled")) {
            tell(() -> listener.orderPlaced(order));
        }
        if (!ORDERS.isInfoEnabled()) {
            return; // the fields are formatted only for a line that is written
        }
        ORDERS.atInfo()
                .addKeyValue("event", event)
                .addKeyValue("client_order_id", order.clientOrderId())
                .addKeyValue("exchange_order_id", order.exchangeOrderId())
                .addKeyValue("intent_id", order.intentId())
                .addKeyValue("symbol", order.symbol().toString())
                .addKeyValue("side", order.side().name())
                .addKeyValue("type", order.type().name())
                .addKeyValue(
                        "price", order.price() == null ? null : order.price().toPlainString())
                .addKeyValue("quantity", order.quantity().toPlainString())
                .addKeyValue("filled_quantity", order.filledQuantity().toPlainString())
                .addKeyValue("status", order.status().name())
                .addKeyValue("status_reason", order.statusReason())
                .addKeyValue("time", order.updatedAt().toString())
                .log("order {} {} {} {}", event, order.side(), order.symbol(), order.status());
    }

    void fill(Fill fill) {
        tell(() -> listener.filled(fill));
        if (!FILLS.isInfoEnabled()) {
            return;
        }
        FILLS.atInfo()
                .addKeyValue("event", "fill")
                .addKeyValue("fill_id", fill.fillId())
                .addKeyValue("client_order_id", fill.clientOrderId())
                .addKeyValue("symbol", fill.symbol().toString())
                .addKeyValue("side", fill.side().name())
                .addKeyValue("price", fill.price().toPlainString())
                .addKeyValue("quantity", fill.quantity().toPlainString())
                .addKeyValue("fee", fill.fee().toPlainString())
                .addKeyValue("fee_currency", fill.feeCurrency())
                .addKeyValue("time", fill.time().toString())
                .log(
                        "fill {} {} {} @ {}",
                        fill.side(),
                        fill.quantity().toPlainString(),
                        fill.symbol(),
                        fill.price().toPlainString());
    }

    void intent(String event, String intentId, String clientOrderId, String detail) {
        if (!ORDERS.isInfoEnabled()) {
            return;
        }
        ORDERS.atInfo()
                .addKeyValue("event", event)
                .addKeyValue("intent_id", intentId)
                .addKeyValue("client_order_id", clientOrderId)
                .addKeyValue("detail", detail)
                .log("intent {} {}: {}", event, intentId, detail);
    }
}
