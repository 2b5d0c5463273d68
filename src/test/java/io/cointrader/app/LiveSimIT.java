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
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimTrade;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trader run --mode live} against the Upbit-compatible simulator: LIMIT orders carry our
 * identifiers, and afterwards the database and the simulator agree on every order, fill and balance.
 */
class LiveSimIT {

    private static final String ACCESS = "sim-access-CANARY-4e5f";
    private static final String SECRET = "sim-secret-CANARY-6a7b8c9d";
    private static final String MASTER = "master-CANARY-1f2e3d";
    private static final String SYMBOLS = "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW";
    private static final BigDecimal START_KRW = new BigDecimal("10000000");

    @TempDir
    Path work;

    @Test
    void liveRunAgainstTheSimulatorAgreesWithItOnEveryOrderFillAndBalance() throws Exception {
        History history = History.bundled();
        ReplayClock market =
                new ReplayClock(new ReplayExchange(history, Clock.systemUTC()).defaultStart(history.symbols()));
        SimulatorConfig config = SimulatorConfig.builder(history, SimClock.fixed(market))
                .account(ACCESS, SimAccount.of(SECRET, START_KRW.toPlainString()))
                .build();
        KeyManager.withSystemDefaults()
                .write(
                        work.resolve("data/upbit_keys.enc"),
                        Secret.of(MASTER),
                        new UpbitKeys(Secret.of(ACCESS), Secret.of(SECRET)));
        Files.createDirectories(work.resolve("RUN"));
        Files.writeString(work.resolve("RUN/live_mode_token.txt"), "ok");

        try (UpbitSimulator sim = new UpbitSimulator(config).start()) {
            Map<String, String> env = Map.of(
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
            tradeWhileMarketMoves(env, market, sim);
            TraderProcess.Result finalPass = new TraderProcess(work).run(env, "run", "--mode", "live", "--once");
            assertThat(finalPass.exitCode()).as(finalPass.err()).isZero();

            List<SimOrder> simOrders = sim.state().orders(ACCESS);
            assertThat(simOrders).as("the run placed orders on the simulator").isNotEmpty();
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                assertOrdersAgree(simOrders, store);
                assertFillsAgree(sim.state().trades(ACCESS), store.allFills());
                assertBalancesAgree(sim, store.allFills());
            }
        }
        assertNoSecretIn(work);
    }

    private void tradeWhileMarketMoves(Map<String, String> env, ReplayClock market, UpbitSimulator sim)
            throws Exception {
        Path out = work.resolve("live-out.txt");
        Process process = new TraderProcess(work)
                .builder(List.of("run", "--mode", "live"), env)
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("live-err.txt").toFile())
                .start();
        ScheduledExecutorService mover = Executors.newSingleThreadScheduledExecutor();
        mover.scheduleAtFixedRate(() -> market.advance(Duration.ofMinutes(30)), 500, 500, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (process.isAlive()
                && System.nanoTime() < deadline
                && sim.state().orders(ACCESS).size() < 6) {
            Thread.sleep(200);
        }
        mover.shutdownNow();
        assertThat(process.isAlive())
                .as(Files.readString(work.resolve("live-err.txt")))
                .isTrue();
        process.destroy(); // SIGTERM: stops after the tick in progress
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("coin-trader live trading", "ORDER");
    }

    private static void assertOrdersAgree(List<SimOrder> simOrders, StateStore store) {
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
            assertThat(ours.type().name()).isEqualTo("LIMIT");
        }
    }

    private static void assertFillsAgree(List<SimTrade> trades, List<Fill> fills) {
        assertThat(fills.stream().map(Fill::fillId).collect(Collectors.toSet()))
                .isEqualTo(trades.stream().map(SimTrade::uuid).collect(Collectors.toSet()));
        Map<String, Fill> byId = fills.stream().collect(Collectors.toMap(Fill::fillId, f -> f));
        for (SimTrade t : trades) {
            assertThat(byId.get(t.uuid()).quantity()).isEqualByComparingTo(t.volume());
            assertThat(byId.get(t.uuid()).price()).isEqualByComparingTo(t.price());
        }
    }

    private static void assertBalancesAgree(UpbitSimulator sim, List<Fill> fills) {
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

    private static void assertNoSecretIn(Path dir) throws Exception {
        Set<String> canaries = Set.of(SECRET, MASTER);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith("upbit_keys.enc")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : canaries) {
                    assertThat(text).as("%s must not contain a secret", file).doesNotContain(canary);
                }
            }
        }
    }
}
