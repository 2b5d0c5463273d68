package io.cointrader.execution;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@link ExecutionEngine#execute}. {@code order} is set for PLACED and BROKER_REJECTED;
 * {@code detail} says why in words people can read.
 */
public record ExecutionResult(
        ExecutionOutcome outcome, String intentId, String clientOrderId, Order order, List<Fill> fills, String detail) {

    public ExecutionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(detail, "detail");
        fills = fills == null ? List.of() : List.copyOf(fills);
    }

    static ExecutionResult blocked(ExecutionOutcome outcome, String intentId, String clientOrderId, String detail) {
        return new ExecutionResult(outcome, intentId, clientOrderId, null, List.of(), detail);
    }

    public boolean placed() {
        return outcome == ExecutionOutcome.PLACED;
    }
}
