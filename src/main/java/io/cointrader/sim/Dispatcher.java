package io.cointrader.sim;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one HTTP request through the simulator: match the market up to now, count it against its
 * rate-limit group (429/418), apply scripted faults, verify the JWT of exchange calls, run the
 * endpoint, and answer with {@code Remaining-Req}. Every request is logged for {@link
 * SimulatorState}.
 *
 * <p>A request over budget gets 429 with the plain-text body {@code Too many API requests.}: Upbit's
 * 429 body is not documented as JSON, so clients must not rely on it. A blocked caller gets 418 with
 * {@code Retry-After} seconds and a plain-text body stating the block time. Both can also be scripted
 * through {@link SimulatorFaults#limitNext} and {@link SimulatorFaults#banNext}.
 *
 * <p>Before anything else, each request brings the books up to its moment ({@link Matcher#catchUp}):
 * matching runs to the market time, then orders whose late creation is due by the wall clock are
 * created (see {@link SimulatorFaults#createNextOrdersLate}). Both depend only on the clocks, never on
 * how often clients call.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final QuotationApi quotation;
    private final ExchangeApi exchange;
    private final JwtVerifier verifier;
    private final RateLimiter limiter;
    private final SimulatorFaults faults;
    private final Matcher matcher;
    private final SimClock marketClock;
    private final Clock wall;
    private final RequestLog log;

    Dispatcher(Parts parts) {
        this.quotation = parts.quotation();
        this.exchange = parts.exchange();
        this.verifier = parts.verifier();
        this.limiter = parts.limiter();
        this.faults = parts.faults();
        this.matcher = parts.matcher();
        this.marketClock = parts.marketClock();
        this.wall = parts.wall();
        this.log = parts.log();
    }

    /** What the dispatcher works with, built by {@link UpbitSimulator}. */
    record Parts(
            QuotationApi quotation,
            ExchangeApi exchange,
            JwtVerifier verifier,
            RateLimiter limiter,
            SimulatorFaults faults,
            Matcher matcher,
            SimClock marketClock,
            Clock wall,
            RequestLog log) {}

    void handle(HttpExchange http) {
        try {
            serve(http);
        } catch (RuntimeException e) {
            // A defect of the simulator itself: the connection is dropped rather than left hanging.
            LOG.error(
                    "simulator failed on {} {}",
                    http.getRequestMethod(),
                    http.getRequestURI().getRawPath(),
                    e);
            http.close();
        }
    }

    private void serve(HttpExchange http) {
        Incoming in = Incoming.read(http, wall.instant());
        Optional<Route> route = Route.find(in.method(), in.path(), quotation, exchange);
        SimRateGroup group = route.map(Route::group).orElse(SimRateGroup.DEFAULT);
        Instant marketTime = marketClock.now();
        matcher.catchUp(marketTime, in.receivedAt());
        RateLimiter.Admission admission = limiter.admit(in.caller(group), group);
        FaultPlan plan = admission.allowed() ? faults.take(in.method(), in.path()) : FaultPlan.NONE;
        if (plan.refusal() != 0) {
            Duration block = plan.retryAfter() == null ? Duration.ZERO : plan.retryAfter();
            admission = new RateLimiter.Admission(plan.refusal(), 0, block);
        }
        Reply reply = in.body() == null
                ? Reply.error(ApiError.of(413, "validation_error", "request body too large"))
                : answer(admission, plan, route, in, marketTime);
        // Logged before the answer goes out, so a client that has its answer finds its request here.
        log.add(in.seen(plan.losesAnswer() ? 0 : reply.status()));
        String remaining =
                "group=" + group.headerName() + "; min=" + group.minuteFigure() + "; sec=" + admission.remaining();
        if (admission.status() == 418) {
            Responder.send(http, reply, plan, "Remaining-Req", remaining, "Retry-After", retryAfter(admission));
        } else {
            Responder.send(http, reply, plan, "Remaining-Req", remaining);
        }
    }

    private Reply answer(
            RateLimiter.Admission admission, FaultPlan plan, Optional<Route> route, Incoming in, Instant marketTime) {
        if (admission.status() == 429) {
            return Reply.text(429, "Too many API requests.");
        }
        if (admission.status() == 418) {
            return Reply.text(
                    418,
                    "Blocked for " + retryAfter(admission)
                            + " seconds after repeated rate limit violations (too many 429 responses).");
        }
        if (!Responder.pause(plan.delay())) {
            return Reply.error(ApiError.of(503, "server_error", "simulator is stopping"));
        }
        if (plan.failStatus() != 0) {
            return Reply.error(ApiError.of(plan.failStatus(), "server_error", "injected server error"));
        }
        if (route.isEmpty()) {
            return Reply.error(ApiError.codeNotFound());
        }
        if (plan.failBeforeCreate()) {
            return Reply.error(ApiError.of(500, "server_error", "injected server error before the order was created"));
        }
        if (plan.notFound()) {
            return Reply.error(ApiError.of(404, "order_not_found", "order not found"));
        }
        Function<SimRequest, Reply> handler = plan.createLateBy() == null
                ? route.get().handler()
                : r -> exchange.placeOrderLate(r, in.receivedAt().plus(plan.createLateBy()));
        try {
            return handler.apply(request(route.get(), in, marketTime));
        } catch (ApiError e) {
            return Reply.error(e);
        } catch (RuntimeException e) {
            LOG.error("simulator failed on {} {}", in.method(), in.path(), e);
            return Reply.error(ApiError.of(500, "server_error", "internal simulator error"));
        }
    }

    private SimRequest request(Route route, Incoming in, Instant marketTime) {
        boolean post = in.method().equals("POST");
        Params params = post ? Params.ofJsonBody(in.body()) : Params.ofQuery(in.rawQuery());
        String accessKey = null;
        if (route.exchange()) {
            boolean strayBody = !post && in.body().length > 0;
            boolean strayQuery = post && in.rawQuery() != null && !in.rawQuery().isEmpty();
            if (strayBody || strayQuery) {
                // Upbit hashes only one of them; a request carrying both does not verify (ccxt issue 6194).
                throw ApiError.unauthorized(
                        "invalid_query_payload", "parameters must be in the query or the body, not both");
            }
            accessKey = verifier.verify(in.authorization(), params);
        }
        return new SimRequest(in.method(), in.path(), params, accessKey, marketTime, in.receivedAt());
    }

    private static String retryAfter(RateLimiter.Admission admission) {
        long millis = admission.blockedFor().toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
