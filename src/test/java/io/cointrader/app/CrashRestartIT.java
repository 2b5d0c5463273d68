package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.broker.PaperBroker;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.IntentState;
import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.logging.Redactor;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper run killed with SIGKILL in the middle of trading, then started again, keeps its balances,
 * positions, open orders, today's PnL baseline and order counters, and places nothing twice.
 */
class CrashRestartIT {

    private static final String SYMBOLS = "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW";

    @TempDir
    Path work;

    /** Everything a restart must keep, read straight from the database. */
    record Snapshot(
            Instant replayClock,
            Map<String, BigDecimal> balances,
            Map<String, BigDecimal> positions,
            Set<String> openOrders,
            BigDecimal dayStartEquity,
            int ordersToday,
            int fills,
            Set<String> intents) {}

    @Test
    void killDashNineThenRestartKeepsTheAccountAndPlacesNothingTwice() throws Exception {
        killMidRun();
        Snapshot afterKill = snapshot();
        assertThat(afterKill.fills()).as("the run traded before it was killed").isPositive();
        assertThat(afterKill.dayStartEquity()).isNotNull();

        Snapshot loadedOnRestart = buildInProcessAndRead();
        assertThat(loadedOnRestart.balances()).isEqualTo(afterKill.balances());
        assertThat(loadedOnRestart.positions()).isEqualTo(afterKill.positions());
        assertThat(loadedOnRestart.openOrders()).isEqualTo(afterKill.openOrders());
        assertThat(loadedOnRestart.dayStartEquity()).isEqualByComparingTo(afterKill.dayStartEquity());
        assertThat(loadedOnRestart.ordersToday()).isEqualTo(afterKill.ordersToday());

        TraderProcess.Result restarted =
                new TraderProcess(work).run("run", "--exchange", "replay", "--symbols", SYMBOLS, "--once");
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();

        try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
            assertThat(store.intentsIn(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN)))
                    .isEmpty();
            List<IntentRecord> all = store.intentsIn(EnumSet.allOf(IntentState.class));
            assertThat(all.stream().map(IntentRecord::clientOrderId).distinct().count())
                    .isEqualTo(all.size());
            assertThat(all.stream()
                            .filter(r ->
                                    !afterKill.intents().contains(r.intent().intentId()))
                            .map(r -> r.intent().createdAt()))
                    .as("the restart resumes after the last pass instead of replaying the past")
                    .allMatch(t -> t.isAfter(afterKill.replayClock()));
            LocalDate day = LocalDate.ofInstant(afterKill.replayClock(), ZoneOffset.UTC);
            assertThat(store.dayStartEquity(day))
                    .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(afterKill.dayStartEquity()));
            assertThat(store.allFills()).hasSizeGreaterThanOrEqualTo(afterKill.fills());
            for (String open : afterKill.openOrders()) {
                assertThat(store.findOrder(open))
                        .as("open order %s survived", open)
                        .isPresent();
            }
        }
    }

    private void killMidRun() throws Exception {
        Path out = work.resolve("run-out.txt");
        Process process = new TraderProcess(work)
                .builder(List.of("run", "--exchange", "replay", "--symbols", SYMBOLS), Map.of())
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("run-err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (countOrders(out) < 6 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("still trading when killed").isTrue();
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
    }

    private static long countOrders(Path out) throws Exception {
        if (!Files.exists(out)) {
            return 0;
        }
        return Files.readString(out, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(" ORDER "))
                .count();
    }

    private Snapshot snapshot() {
        try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
            PaperBroker rebuilt = PaperBroker.restore(
                    "KRW",
                    new BigDecimal(store.meta(SystemBuilder.PAPER_CASH_KEY).orElseThrow()),
                    new BigDecimal("0.0005"),
                    Clock.systemUTC(),
                    store.allFills(),
                    store.openOrders());
            Instant clock = Instant.parse(store.meta(ReplayPacer.CLOCK_KEY).orElseThrow());
            return read(store, rebuilt.balances().balances(), rebuilt.positions(), clock);
        }
    }

    private Snapshot buildInProcessAndRead() {
        Settings settings = SettingsLoader.load(
                        Map.of("EXCHANGE", "replay", "TRADING_SYMBOLS", SYMBOLS), Map.of(), work)
                .settings();
        try (TradingSystem system = SystemBuilder.build(settings, Redactor.withSecrets(List.of()), line -> {})) {
            StateStore store = system.parts().store();
            Instant clock = Instant.parse(store.meta(ReplayPacer.CLOCK_KEY).orElseThrow());
            return read(
                    store,
                    system.parts().broker().balances().balances(),
                    system.parts().broker().positions(),
                    clock);
        }
    }

    private static Snapshot read(
            StateStore store,
            Map<String, io.cointrader.core.Balance> balances,
            List<Position> positions,
            Instant clock) {
        Instant dayStart = clock.truncatedTo(ChronoUnit.DAYS);
        return new Snapshot(
                clock,
                balances.values().stream().collect(Collectors.toMap(b -> b.currency(), b -> b.total()
                        .stripTrailingZeros())),
                positions.stream().collect(Collectors.toMap(p -> p.symbol().toString(), p -> p.quantity()
                        .stripTrailingZeros())),
                store.openOrders().stream().map(Order::clientOrderId).collect(Collectors.toSet()),
                store.dayStartEquity(LocalDate.ofInstant(clock, ZoneOffset.UTC)).orElse(null),
                store.countSubmittedIntentsSince(dayStart),
                store.allFills().size(),
                store.intentsIn(EnumSet.allOf(IntentState.class)).stream()
                        .map(r -> r.intent().intentId())
                        .collect(Collectors.toSet()));
    }
}
