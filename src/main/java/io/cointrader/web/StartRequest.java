package io.cointrader.web;

import io.cointrader.config.TradingMode;
import java.util.Objects;

/**
 * A request to start trading. {@code confirmation} is the phrase the user typed (required for live
 * mode, ignored for paper); {@code requestedBy} names the dashboard user for the audit trail.
 */
public record StartRequest(TradingMode mode, String confirmation, String requestedBy) {

    public StartRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requestedBy, "requestedBy");
        confirmation = confirmation == null ? "" : confirmation;
    }

    @Override
    public String toString() {
        return "StartRequest[mode=" + mode + ", requestedBy=" + requestedBy + "]";
    }
}
