package io.cointrader.web.view;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/audit}: the dashboard's control actions, newest first. */
public record AuditView(List<Entry> events) {

    public AuditView {
        events = List.copyOf(events);
    }

    /** One control action and how it ended ({@code ok}, {@code refused} or {@code error}). */
    public record Entry(Instant time, String action, String who, String result, String detail) {}
}
