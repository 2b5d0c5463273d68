package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.OrderStatus;
import io.cointrader.core.Secret;
import io.cointrader.core.Side;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.replay.ReplayExchange;
import io.cointrader.security.KeyManager;
import io.cointrader.security.UpbitKeys;
import io.cointrader.sim.RateLimits;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimTrade;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A live account on the Upbit-compatible simulator, ready for {@code trader run --mode live}: the
 * simulator on a market clock the test moves, an encrypted key file, a fresh live-mode token; and the
 * checks that the database and the simulator agree.
 */
final class SimRehearsal implements AutoCloseable {

    static final String ACCESS = "sim-access-CANARY-4e5f";
    static final String SECRET = "sim-secret-CANARY-6a7b8c9d";
    static final String MASTER = "master-CANARY-1f2e3d";
    static final String SYMBOLS = "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW";
    static final BigDecimal START_KRW = new BigDecimal("10000000");

    final ReplayClock market;
    final UpbitSimulator sim;
    private final ScheduledExecutorService mover = Executors.newSingleThreadScheduledExecutor();
    private volatile long heldUntil = System.nanoTime();

    SimRehearsal(Path work) throws Exception {
        this(work, RateLimits.upbit());
    }

    SimRehearsal(Path work, RateLimits limits) throws Exception {
        this(work, limits, History.bundled());
    }

    /** On {@code history} instead of the bundled one, e.g. a longer one for long runs. */
    SimRehearsal(Path work, RateLimits limits, History history) throws Exception {
        this(work, limits, history, SimulatorConfig.DEFAULT_KEY_LIFETIME);
    }

    /** With an API key that expires {@code keyLifetime} from now. */
    SimRehearsal(Path work, RateLimits limits, History history, Duration keyLifetime) throws Exception {
        this(work, limits, history, keyLifetime, Clock.systemUTC());
    }

    /**
     * With {@code simWall} as the simulator's wall clock (rate-limit seconds, orders created late), e.g.
     * one a test can move on to let a late order appear when it chooses.
     */
    SimRehearsal(Path work, RateLimits limits, History history, Duration keyLifetime, Clock simWall) throws Exception {
        market = new ReplayClock(new ReplayExchange(history, Clock.systemUTC()).defaultStart(history.symbols()));
        sim = new UpbitSimulator(SimulatorConfig.builder(history, SimClock.fixed(market))
                        .wallClock(simWall)
                        .account(ACCESS, SimAccount.of(SECRET, START_KRW.toPlainString()))
                        .rateLimits(limits)
                        .keyLifetime(keyLifetime)
                        .build())
                .start();
        KeyManager.withSystemDefaults()
                .write(
                        work.resolve("data/upbit_keys.enc"),
                        Secret.of(MASTER),
                        new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET)));
        Files.createDirectories(work.resolve("RUN"));
        Files.writeString(work.resolve("RUN/live_mode_token.txt"), "ok");
    }

    Map<String, String> env() {
        return Map.of(
                "UPBIT_BASE_URL",
                sim.baseUrl().toString(),
                "UPBIT_MASTER_KEY",
                MASTER,
                "LIVE_TRADING_CONFIRMATION",
                LiveGate.PHRASE,
                "TRADING_SYMBOLS",
                SYMBOLS,
                "MARKET_DATA_INTERVAL_SEC",
                "1");
    }

    /**
     * Moves market time by {@code step} every {@code everyMillis} of wall time until closed, except while
     * {@link #holdMarket held}.
     */
    void moveMarket(Duration step, long everyMillis) {
        mover.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - heldUntil >= 0) {
                        market.advance(step);
                    }
                },
                everyMillis,
                everyMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Keeps market time still for {@code hold} of wall time: the orders resting now get no fill and no
     * new candle moves the strategy, so they are still open at the trader's next ticks and time out.
     */
    void holdMarket(Duration hold) {
        heldUntil = System.nanoTime() + hold.toNanos();
    }

    /** Freezes market time, so that a last pass can see the exchange as it will stay. */
    void stopMarket() throws InterruptedException {
        mover.shutdownNow();
        mover.awaitTermination(5, TimeUnit.SECONDS);
    }

    List<SimOrder> orders() {
        return sim.state().orders(ACCESS);
    }

    void assertOrdersAgree(StateStore store) {
        List<SimOrder> simOrders = orders();
        assertThat(simOrders.stream().map(SimOrder::identifier).distinct().count())
                .as("one exchange order per identifier")
                .isEqualTo(simOrders.size());
        for (SimOrder s : simOrders) {
            Order ours = store.findOrder(s.identifier())
                    .orElseThrow(() ->
                            new AssertionError("exchange order " + s.identifier() + " is missing from the database"));
            assertThat(ours.exchangeOrderId()).isEqualTo(s.uuid());
            assertThat(ours.filledQuantity()).isEqualByComparingTo(s.executedVolume());
            OrderStatus expected =
                    switch (s.state()) {
                        case "done" -> OrderStatus.FILLED;
                        case "cancel" -> OrderStatus.CANCELLED;
                        default -> s.executedVolume().signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
                    };
            assertThat(ours.status()).as("order %s", s.identifier()).isEqualTo(expected);
        }
        List<String> intents = simOrders.stream()
                .map(s -> store.findOrder(s.identifier()).orElseThrow().intentId())
                .toList();
        assertThat(intents).as("no intent has two exchange orders").doesNotHaveDuplicates();
    }

    void assertFillsAgree(List<Fill> fills) {
        List<SimTrade> trades = sim.state().trades(ACCESS);
        assertThat(fills.stream().map(Fill::fillId).collect(Collectors.toSet()))
                .isEqualTo(trades.stream().map(SimTrade::uuid).collect(Collectors.toSet()));
        Map<String, Fill> byId = fills.stream().collect(Collectors.toMap(Fill::fillId, f -> f));
        for (SimTrade t : trades) {
            assertThat(byId.get(t.uuid()).quantity()).isEqualByComparingTo(t.volume());
            assertThat(byId.get(t.uuid()).price()).isEqualByComparingTo(t.price());
        }
    }

    void assertBalancesAgree(List<Fill> fills) {
        Map<String, BigDecimal> expected = new HashMap<>();
        expected.put("KRW", START_KRW);
        for (Fill f : fills) {
            BigDecimal sign = f.side() == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
            expected.merge(f.symbol().base(), f.quantity().multiply(sign), BigDecimal::add);
            BigDecimal cash = f.side() == Side.BUY
                    ? f.notional().add(f.fee()).negate()
                    : f.notional().subtract(f.fee());
            expected.merge("KRW", cash, BigDecimal::add);
        }
        for (var entry : expected.entrySet()) {
            assertThat(sim.state().balance(ACCESS, entry.getKey()).total())
                    .as("balance of %s", entry.getKey())
                    .isEqualByComparingTo(entry.getValue());
        }
    }

    @Override
    public void close() {
        mover.shutdownNow();
        sim.close();
    }
}
