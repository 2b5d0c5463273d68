package io.cointrader.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the reconciler treats orders the exchange may show late.
 *
 * @param unknownOrderGrace how long an unanswered order that the broker cannot find may still appear
 *     (UNKNOWN_ORDER_GRACE_SEC), for brokers whose orders can show up late
 * @param ownPrefix the start of every client order id of this installation ({@link IntentIds#prefix()}):
 *     orders on the exchange that carry it and that the database does not know are adopted; empty to
 *     adopt nothing
 */
public record ReconcilerOptions(Duration unknownOrderGrace, Optional<String> ownPrefix) {

    /** No grace window, no adoption. */
    public static final ReconcilerOptions NONE = new ReconcilerOptions(Duration.ZERO, Optional.empty());

    public ReconcilerOptions {
        Objects.requireNonNull(unknownOrderGrace, "unknownOrderGrace");
        Objects.requireNonNull(ownPrefix, "ownPrefix");
        if (unknownOrderGrace.isNegative()) {
            throw new IllegalArgumentException("unknownOrderGrace must not be negative, got " + unknownOrderGrace);
        }
    }
}
