package io.cointrader.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Upbit-compatible REST server on 127.0.0.1 (upbit-api.md): quotation endpoints over replayed
 * history, exchange endpoints with real JWT verification, limit orders matched against the replayed
 * price path, {@code Remaining-Req} budgets, and faults scripted through {@link #faults()}.
 *
 * <p>Endpoints: {@code GET /v1/market/all}, {@code /v1/ticker}, {@code /v1/candles/minutes/60},
 * {@code /v1/orderbook}, {@code /v1/orderbook/instruments}; with a JWT {@code GET /v1/accounts},
 * {@code GET /v1/orders/chance}, {@code POST /v1/orders} (limit only), {@code GET /v1/order}, {@code
 * GET /v1/orders/open} (one market or, without {@code market}, all), {@code GET /v1/orders/closed}
 * (see {@link ClosedWindow} for its time window), {@code DELETE /v1/order}, {@code GET /v1/api_keys}.
 * Accounts may start with coins as well as KRW ({@link SimHolding}). Every access key expires {@link
 * SimulatorConfig#keyLifetime()} after the simulator was built; after that its calls are refused with
 * 401 {@code expired_access_key}.
 *
 * <p>Two clocks: prices and matching follow the replayed market time, while every time the simulator
 * reports for orders and trades ({@code created_at}) and the window of the closed-order list follow its
 * wall clock, as a real exchange stamps them with the time of day. A trader on the simulator so keeps
 * one clock in its books, and an order's age is measured in real seconds however fast the market runs.
 *
 * <p>Simulator choices where Upbit is undocumented: a reused identifier is 400 {@code
 * duplicate_identifier}; cancelling an order that is already done or cancelled is 404 {@code
 * order_not_found}; 429 bodies are plain text. A cancel is accepted with the order still {@code wait}
 * and takes effect at the start of the next request's matching, before any fill: an order whose cancel
 * was accepted never fills again, so it always ends {@code cancel}, with the volume executed before
 * the cancel was accepted (possibly more than zero) and its trades, never {@code done}. Upbit may instead let a fill
 * win that race and end the order {@code done}; clients must read the final state either way.
 *
 * <p>Requests are served concurrently; all account state sits behind one lock. Accounts and orders
 * live as long as this object: stopping and starting again keeps them.
 */
public final class UpbitSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSimulator.class);

    private final SimulatorConfig config;
    private final SimulatorFaults faults = new SimulatorFaults();
    private final Matcher matcher;
    private final SimulatorState state;
    private final Dispatcher dispatcher;
    private HttpServer server;
    private ExecutorService executor;

    public UpbitSimulator(SimulatorConfig config) {
        this.config = config;
        PricePath path = new PricePath(config.history());
        Ledger ledger =
                new Ledger(config.accounts(), config.feeRate(), config.history().symbols());
        RequestLog log = new RequestLog();
        KeyExpiries keys = KeyExpiries.issuedAt(
                config.accounts().keySet(), config.wallClock().instant(), config.keyLifetime(), config.wallClock());
        this.matcher = new Matcher(
                ledger,
                path,
                config.matchStep(),
                config.fillFraction(),
                config.marketClock().now());
        this.state = new SimulatorState(ledger, log, config.marketClock());
        this.dispatcher = new Dispatcher(new Dispatcher.Parts(
                new QuotationApi(path),
                new ExchangeApi(ledger, keys),
                new JwtVerifier(config.accounts(), keys),
                new RateLimiter(config.rateLimits(), config.wallClock()),
                faults,
                matcher,
                config.marketClock(),
                config.wallClock(),
                log));
    }

    /**
     * Binds 127.0.0.1 on the configured port and starts serving.
     *
     * @throws IllegalStateException when already started
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized UpbitSimulator start() {
        if (server != null) {
            throw new IllegalStateException("the simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to 127.0.0.1:" + config.port(), e);
        }
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.createContext("/", dispatcher::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Upbit simulator listening on {}", baseUrl());
        return this;
    }

    /** Stops serving; requests in flight are cut off. Safe to call more than once. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Upbit simulator on port {} stopped", server.getAddress().getPort());
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * {@code http://127.0.0.1:<port>}, the value for {@code UPBIT_BASE_URL}.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public synchronized URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Orders, fills, balances and requests seen. */
    public SimulatorState state() {
        return state;
    }

    /** The fault script; arm faults at any time, also while requests are in flight. */
    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * Runs matching up to the current market time, as every request does first: accepted cancels take
     * effect, then each due step fills what crosses; then creates the late orders that are due by the
     * wall clock.
     */
    public void match() {
        matcher.catchUp(config.marketClock().now(), config.wallClock().instant());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "upbit-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
