package io.cointrader.execution;

import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;

/**
 * How the reason of a cancel the trader asked for is kept in an order's status reason: {@code cancel
 * requested: <why>} while the exchange carries it out, {@code cancelled: <why>} once it has. The exchange
 * itself only says "cancel", never why.
 */
public final class CancelReasons {

    static final String REQUESTED = "cancel requested: ";
    static final String CANCELLED = "cancelled: ";

    private CancelReasons() {}

    /** Whether the trader cancelled {@code order} (or asked to) for a reason starting with {@code why}. */
    public static boolean cancelledFor(Order order, String why) {
        String reason = order.statusReason();
        return reason != null && (reason.startsWith(CANCELLED + why) || reason.startsWith(REQUESTED + why));
    }

    /** The order as a cancel asked for {@code why} left it, with the reason recorded. */
    static Order withReason(Order order, String why) {
        return switch (order.status()) {
            case CANCELLED -> order.withStatus(OrderStatus.CANCELLED, CANCELLED + why, order.updatedAt());
            case OPEN, PARTIALLY_FILLED -> order.withStatus(order.status(), REQUESTED + why, order.updatedAt());
            case FILLED, REJECTED -> order;
        };
    }

    /**
     * The status reason to keep when the exchange reports an order in {@code status} while the database
     * holds {@code storedReason}: a cancel the trader asked for keeps its why, while it is carried out and
     * once it is done; null when there is nothing to keep.
     */
    static String kept(String storedReason, OrderStatus status) {
        if (storedReason == null) {
            return null;
        }
        if (status == OrderStatus.CANCELLED && storedReason.startsWith(REQUESTED)) {
            return CANCELLED + storedReason.substring(REQUESTED.length());
        }
        if (status == OrderStatus.CANCELLED && storedReason.startsWith(CANCELLED)) {
            return storedReason;
        }
        return status.isOpen() && storedReason.startsWith(REQUESTED) ? storedReason : null;
    }
}
