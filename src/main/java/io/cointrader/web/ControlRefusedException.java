package io.cointrader.web;

import java.util.Objects;

/** A control request the system turned down; the message is one line for the user. */
public final class ControlRefusedException extends RuntimeException {

    /** Maps to the HTTP status of the answer. */
    public enum Reason {
        /** 409: the loop already runs, or does not run here. */
        CONFLICT,
        /** 403: the live gate refused. */
        FORBIDDEN,
        /** 400: the request itself is not valid for this configuration. */
        BAD_REQUEST
    }

    private final Reason reason;

    public ControlRefusedException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
