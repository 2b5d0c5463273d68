package io.cointrader.app;

import io.cointrader.core.OrderIntent;
import io.cointrader.execution.ExecutionResult;

/** Short human-readable texts for the console. */
final class Describe {

    private Describe() {}

    static String execution(OrderIntent intent, ExecutionResult result) {
        String order = intent.type() + " " + intent.side() + " "
                + intent.quantity().toPlainString() + " @ " + Display.krw(intent.price());
        return switch (result.outcome()) {
            case PLACED -> order + " -> " + (result.fills().isEmpty() ? "open" : "filled");
            case KILL_SWITCH_ACTIVE -> order + " blocked: kill switch";
            case DUPLICATE -> order + " skipped: already ordered for this candle";
            case RISK_REJECTED -> order + " refused by risk: " + result.detail();
            case BROKER_REJECTED -> order + " refused by broker: " + result.detail();
            case OUTCOME_UNKNOWN -> order + " outcome unknown, will reconcile";
        };
    }
}
