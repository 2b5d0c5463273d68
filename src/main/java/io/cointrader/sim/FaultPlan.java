package io.cointrader.sim;

import java.time.Duration;

/**
 * The faults one request gets, taken from {@link SimulatorFaults} when it is rate-admitted.
 *
 * @param delay wait before the request is processed
 * @param failStatus 5xx answered instead of processing the request, else 0
 * @param failBeforeCreate an order POST answered 500 before anything is created or used up
 * @param loseAnswerAfter the request is processed but the connection is closed without an answer after
 *     this hold; null for a normal answer
 * @param body what to do to the body of an otherwise normal answer
 * @param refusal 429 or 418 when the request is refused as over the rate limit (nothing else applies),
 *     else 0
 * @param retryAfter the block a 418 announces; null otherwise
 * @param notFound answered 404 {@code order_not_found} instead of processing the request
 * @param createLateBy an order POST whose order is created only this much wall time later; null otherwise
 */
record FaultPlan(
        Duration delay,
        int failStatus,
        boolean failBeforeCreate,
        Duration loseAnswerAfter,
        BodyFault body,
        int refusal,
        Duration retryAfter,
        boolean notFound,
        Duration createLateBy) {

    static final FaultPlan NONE = new FaultPlan(Duration.ZERO, 0, false, null, BodyFault.NONE, 0, null, false, null);

    /** What to do to the body of an otherwise normal answer. */
    enum BodyFault {
        NONE,
        /** Complete transfer, status unchanged, but only the first half of the JSON. */
        MALFORMED,
        /** The full length is announced, half the body is sent, then the connection is closed. */
        TRUNCATED
    }

    static FaultPlan refused(int status, Duration retryAfter) {
        return new FaultPlan(Duration.ZERO, 0, false, null, BodyFault.NONE, status, retryAfter, false, null);
    }

    boolean losesAnswer() {
        return loseAnswerAfter != null;
    }
}
