package io.cointrader.sim;

import java.time.Duration;

/**
 * Faults of one method of one path, e.g. {@code DELETE /v1/order} but not {@code GET /v1/order}; made
 * by {@link SimulatorFaults#on}. Each method arms the next requests and returns this, for chaining.
 */
public final class MethodFaults {

    private final SimulatorFaults faults;
    private final SimulatorFaults.Target target;

    MethodFaults(SimulatorFaults faults, SimulatorFaults.Target target) {
        this.faults = faults;
        this.target = target;
    }

    /** The next {@code count} requests are answered {@code status} (500-599) and not processed. */
    public MethodFaults failNext(int count, int status) {
        faults.armFailure(target, count, status);
        return this;
    }

    /** The next {@code count} requests wait {@code delay} before they are processed. */
    public MethodFaults delayNext(int count, Duration delay) {
        faults.armDelay(target, count, delay);
        return this;
    }

    /** The next {@code count} requests are refused with 429, as by {@link SimulatorFaults#limitNext}. */
    public MethodFaults limitNext(int count) {
        faults.armRefusal(target, count);
        return this;
    }

    /** The next request is answered 418, as by {@link SimulatorFaults#banNext}. */
    public MethodFaults banNext(Duration retryAfter) {
        faults.armBan(target, retryAfter);
        return this;
    }

    /**
     * The next {@code count} requests are processed (a DELETE's cancel IS accepted) but not answered: the
     * connection is held for {@code hold}, then closed without a response.
     */
    public MethodFaults loseNextAnswers(int count, Duration hold) {
        faults.armLostAnswer(target, count, hold);
        return this;
    }

    /**
     * The next {@code count} requests are answered 404 {@code order_not_found} without being processed,
     * whether or not the order exists (a DELETE cancels nothing).
     */
    public MethodFaults answerNotFoundNext(int count) {
        faults.armNotFound(target, count);
        return this;
    }
}
