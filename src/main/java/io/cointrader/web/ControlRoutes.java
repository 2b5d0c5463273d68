package io.cointrader.web;

import io.cointrader.config.TradingMode;
import io.cointrader.safety.KillSwitch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The control endpoints: start and stop the loop, activate and release the kill switch. Each one is
 * audited, whether it is carried out or refused.
 */
final class ControlRoutes {

    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    static final int MAX_REASON = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** {@code POST /api/trading/start}. */
    record StartBody(String mode, String confirmation) {}

    /** {@code POST /api/trading/stop}: no fields. */
    record StopBody() {}

    /** {@code POST /api/kill-switch/activate} and {@code .../deactivate}. */
    record ReasonBody(String reason) {}

    private final TradingControl control;
    private final KillSwitch killSwitch;
    private final KillSwitchEvents events;
    private final AccessGuard guard;
    private final RequestBodies bodies;
    private final ControlAudit audit;

    ControlRoutes(
            TradingControl control,
            KillSwitch killSwitch,
            KillSwitchEvents events,
            AccessGuard guard,
            RequestBodies bodies,
            ControlAudit audit) {
        this.control = control;
        this.killSwitch = killSwitch;
        this.events = events;
        this.guard = guard;
        this.bodies = bodies;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/trading/start", ctx -> audit.run(ctx, "trading_start", () -> start(ctx)));
        routes.post("/api/trading/stop", ctx -> audit.run(ctx, "trading_stop", () -> stop(ctx)));
        routes.post("/api/kill-switch/activate", ctx -> audit.run(ctx, "kill_switch_activate", () -> activate(ctx)));
        routes.post(
                "/api/kill-switch/deactivate", ctx -> audit.run(ctx, "kill_switch_deactivate", () -> deactivate(ctx)));
    }

    private String start(Context ctx) {
        StartBody body = bodies.read(ctx, StartBody.class, null);
        TradingMode mode = mode(body.mode());
        TradingState state = control.start(new StartRequest(mode, body.confirmation(), guard.who(ctx)));
        ctx.status(202).json(StatusView.TradingView.of(state));
        return "mode " + StatusView.lower(mode.name());
    }

    private String stop(Context ctx) {
        bodies.read(ctx, StopBody.class, new StopBody());
        TradingState state = control.stop(STOP_WAIT);
        ctx.json(StatusView.TradingView.of(state));
        return state.stopping() ? "stopping" : "stopped";
    }

    private String activate(Context ctx) {
        String reason = reason(ctx);
        killSwitch.activate(reason, source(ctx));
        events.activated(source(ctx), reason);
        ctx.json(Map.of("kill_switch", StatusView.KillSwitchView.of(killSwitch.status())));
        return reason == null ? "no reason given" : reason;
    }

    private String deactivate(Context ctx) {
        String reason = reason(ctx);
        boolean wasActive = killSwitch.release(source(ctx));
        if (wasActive) {
            events.released(source(ctx), reason);
        }
        ctx.json(Map.of("kill_switch", StatusView.KillSwitchView.of(killSwitch.status())));
        String state = wasActive ? "released" : "was not active";
        return reason == null ? state : state + ": " + reason;
    }

    private String reason(Context ctx) {
        String reason = bodies.read(ctx, ReasonBody.class, new ReasonBody(null)).reason();
        if (reason != null && reason.length() > MAX_REASON) {
            throw new WebError(400, "reason must be at most " + MAX_REASON + " characters");
        }
        // one line in the audit trail and the kill switch file
        return reason == null || reason.isBlank()
                ? null
                : CONTROL.matcher(reason.strip()).replaceAll(" ");
    }

    private String source(Context ctx) {
        return "web:" + guard.who(ctx);
    }

    private static TradingMode mode(String text) {
        String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "paper" -> TradingMode.PAPER;
            case "live" -> TradingMode.LIVE;
            default -> throw new WebError(400, "mode must be paper or live");
        };
    }
}
