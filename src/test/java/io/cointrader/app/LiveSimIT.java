package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Side;
import io.cointrader.sim.SimBalance;
import io.cointrader.sim.SimOrder;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trader run --mode live} against the Upbit-compatible simulator: LIMIT orders carry our
 * identifiers, and afterwards the database and the simulator agree on every order, fill and balance,
 * and no key reaches a file, the database or the console.
 */
class LiveSimIT {

    @TempDir
    Path work;

    @Test
    void liveRunAgainstTheSimulatorAgreesWithItOnEveryOrderFillAndBalance() throws Exception {
        try (SimRehearsal rehearsal = new SimRehearsal(work)) {
            tradeWhileMarketMoves(rehearsal);
            rehearsal.stopMarket();
            TraderProcess.Result finalPass =
                    new TraderProcess(work).run(rehearsal.env(), "run", "--mode", "live", "--once");
            assertThat(finalPass.exitCode()).as(finalPass.err()).isZero();
            assertThat(finalPass.out())
                    .contains("live account's first day started at")
                    .doesNotContain("paper account");

            assertThat(rehearsal.orders())
                    .as("the run placed orders on the simulator")
                    .isNotEmpty();
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                rehearsal.assertOrdersAgree(store);
                rehearsal.assertFillsAgree(store.allFills());
                rehearsal.assertBalancesAgree(store.allFills());
            }
            String ordersLog = Files.readString(work.resolve("logs/orders.jsonl"));
            String fillsLog = Files.readString(work.resolve("logs/fills.jsonl"));
            rehearsal.orders().forEach(o -> assertThat(ordersLog).contains(o.identifier()));
            rehearsal.sim.state().trades(SimRehearsal.ACCESS).forEach(t -> assertThat(fillsLog)
                    .contains(t.uuid()));
            emergencyCloseCancelsAndSellsEverythingOnTheExchange(rehearsal);
        }
        assertNoSecretIn(work);
    }

    private void emergencyCloseCancelsAndSellsEverythingOnTheExchange(SimRehearsal rehearsal) throws Exception {
        Set<String> openBefore = rehearsal.orders().stream()
                .filter(o -> o.state().equals("wait"))
                .map(SimOrder::identifier)
                .collect(Collectors.toSet());
        Set<String> held = rehearsal.sim.state().balances(SimRehearsal.ACCESS).stream()
                .filter(b -> !b.currency().equals("KRW") && b.total().signum() > 0)
                .map(SimBalance::currency)
                .collect(Collectors.toSet());

        java.util.Map<String, String> live = new java.util.HashMap<>(rehearsal.env());
        live.put("TRADING_MODE", "live");
        TraderProcess.Result kill = new TraderProcess(work).run(live, "kill", "--close-positions", "--reason", "drill");

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(work.resolve("RUN/kill_switch")).exists();
        for (String identifier : openBefore) {
            SimOrder after = rehearsal.orders().stream()
                    .filter(o -> o.identifier().equals(identifier))
                    .findFirst()
                    .orElseThrow();
            assertThat(after.cancelRequested() || !after.state().equals("wait"))
                    .as("open order %s cancelled", identifier)
                    .isTrue();
        }
        Set<String> sold = rehearsal.orders().stream()
                .filter(o -> o.side() == Side.SELL && !openBefore.contains(o.identifier()))
                .map(o -> o.symbol().base())
                .collect(Collectors.toSet());
        assertThat(sold).as("an emergency sell for every currency held").containsAll(held);
        for (String currency : held) {
            assertThat(kill.out()).contains("sell " + currency + "/KRW");
        }
        if (held.isEmpty() && openBefore.isEmpty()) {
            assertThat(kill.out()).contains("no open orders and no positions");
        }
        try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
            assertThat(store.recentSafetyEvents(100))
                    .extracting(SafetyEvent::type)
                    .contains(SafetyEventType.EMERGENCY_CLOSE);
        }
    }

    private void tradeWhileMarketMoves(SimRehearsal rehearsal) throws Exception {
        Path out = work.resolve("live-out.txt");
        Process process = new TraderProcess(work)
                .builder(List.of("run", "--mode", "live"), rehearsal.env())
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("live-err.txt").toFile())
                .start();
        rehearsal.moveMarket(Duration.ofMinutes(30), 500);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (process.isAlive()
                && System.nanoTime() < deadline
                && rehearsal.orders().size() < 6) {
            Thread.sleep(200);
        }
        assertThat(process.isAlive())
                .as(Files.readString(work.resolve("live-err.txt")))
                .isTrue();
        process.destroy(); // SIGTERM: stops after the tick in progress
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("coin-trader live trading", "ORDER");
    }

    private static void assertNoSecretIn(Path dir) throws Exception {
        Set<String> canaries = Set.of(SimRehearsal.ACCESS, SimRehearsal.SECRET, SimRehearsal.MASTER);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith("upbit_keys.enc")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : canaries) {
                    assertThat(text).as("%s must not contain a key", file).doesNotContain(canary);
                }
            }
        }
    }
}
