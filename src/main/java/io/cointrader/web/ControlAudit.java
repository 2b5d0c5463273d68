package io.cointrader.web;

import io.cointrader.state.StateStore;
import io.cointrader.web.view.ActivityViews;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every control action, allowed or refused, to the audit table and one line to the general
 * log: what, who asked, from where, how it ended, and a one-line detail (never a typed confirmation).
 */
final class ControlAudit {

    static final String OK = "ok";
    static final String REFUSED = "refused";
    static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(ControlAudit.class);

    private final StateStore store;
    private final AccessGuard guard;
    private final Clock clock;

    ControlAudit(StateStore store, AccessGuard guard, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Runs {@code action} and records how it ended; its result is the detail of a success. Failures are
     * recorded and rethrown for the error answer.
     */
    void run(Context ctx, String action, Supplier<String> work) {
        String detail;
        try {
            detail = work.get();
        } catch (WebError | ControlRefusedException e) {
            record(ctx, action, REFUSED, e.getMessage());
            throw e;
        } catch (HttpResponseException e) {
            record(ctx, action, REFUSED, ErrorAnswers.message(e.getStatus()));
            throw e;
        } catch (Exception e) { // also what Jetty throws unchecked while a body is read
            int clientError = ErrorAnswers.clientError(e);
            if (clientError > 0) {
                record(ctx, action, REFUSED, ErrorAnswers.message(clientError));
            } else {
                record(ctx, action, ERROR, ErrorAnswers.INTERNAL_ERROR);
            }
            throw e;
        }
        record(ctx, action, OK, detail);
    }

    private void record(Context ctx, String action, String result, String detail) {
        String who = guard.who(ctx);
        String remote = ctx.ip();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        payload.put("who", who);
        payload.put("remote", remote);
        payload.put("result", result);
        payload.put("detail", detail);
        LOG.atInfo()
                .addKeyValue("event", ActivityViews.AUDIT_EVENT_TYPE)
                .addKeyValue("action", action)
                .addKeyValue("who", who)
                .addKeyValue("remote", remote)
                .addKeyValue("result", result)
                .addKeyValue("detail", detail)
                .log("dashboard {} by {} from {}: {} ({})", action, who, remote, result, detail);
        try {
            store.appendEvent(ActivityViews.AUDIT_EVENT_TYPE, payload, clock.instant());
        } catch (RuntimeException e) {
            // the action has happened (or was refused) either way; the log line above keeps the record
            LOG.error("could not write the audit record of dashboard {} by {}", action, who, e);
        }
    }
}
