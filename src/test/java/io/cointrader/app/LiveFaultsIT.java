package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.sim.RateLimits;
import io.cointrader.sim.SeenRequest;
import io.cointrader.sim.SimRateGroup;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live loop against a misbehaving exchange (the simulator's fault injection). */
class LiveFaultsIT {

    @TempDir
    Path work;

    private Process start(SimRehearsal rehearsal) throws Exception {
        return new TraderProcess(work)
                .builder(List.of("run", "--mode", "live"), rehearsal.env())
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile())
                .start();
    }

    private static boolean await(BooleanSupplier condition, Process process, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    private static List<SafetyEventType> safetyTypes(StateStore store) {
        return store.recentSafetyEvents(1000).stream().map(SafetyEvent::type).toList();
    }

    @Test
    void anOrderAcceptedWithoutAnAnswerIsFoundByIdentifierAndNeverPlacedTwice() throws Exception {
        try (SimRehearsal rehearsal = new SimRehearsal(work)) {
            rehearsal.sim.faults().loseNextOrderAnswers(1, Duration.ofSeconds(15));
            Process process = start(rehearsal);
            rehearsal.moveMarket(Duration.ofMinutes(20), 200);

            boolean reconciled = await(
                    () -> {
                        try {
                            return Files.readString(work.resolve("out.txt")).contains("-> open")
                                    || Files.readString(work.resolve("out.txt")).contains("-> filled");
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    },
                    process,
                    90);
            assertThat(process.isAlive())
                    .as(Files.readString(work.resolve("err.txt")))
                    .isTrue();
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(reconciled)
                    .as("an order went through after the lost answer")
                    .isTrue();
            rehearsal.stopMarket();
            assertThat(new TraderProcess(work)
                            .run(rehearsal.env(), "run", "--mode", "live", "--once")
                            .exitCode())
                    .isZero();

            String printed = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);
            assertThat(printed).contains("outcome unknown, will reconcile");
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                assertThat(safetyTypes(store))
                        .contains(SafetyEventType.ORDER_OUTCOME_UNKNOWN, SafetyEventType.RECONCILED);
                assertThat(store.intentsIn(EnumSet.of(IntentState.UNKNOWN, IntentState.SUBMITTING)))
                        .isEmpty();
                rehearsal.assertOrdersAgree(store);
            }
        }
    }

    @Test
    void malformedAnswersNeverCrashTheLoopAndFiveFailuresInARowTripTheKillSwitch() throws Exception {
        try (SimRehearsal rehearsal = new SimRehearsal(work)) {
            rehearsal.sim.faults().malformNext("/v1/ticker", 10_000);
            Process process = start(rehearsal);

            boolean tripped = await(() -> Files.exists(work.resolve("RUN/kill_switch")), process, 90);

            assertThat(tripped).as(Files.readString(work.resolve("err.txt"))).isTrue();
            Thread.sleep(1500);
            assertThat(process.isAlive())
                    .as("the loop goes on, with the kill switch on")
                    .isTrue();
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(work.resolve("out.txt"))).contains("API_FAILURE");
            assertThat(rehearsal.orders()).isEmpty();
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                assertThat(safetyTypes(store)).contains(SafetyEventType.API_FAILURE_THRESHOLD);
            }
        }
    }

    @Test
    void theLoopKeepsToTheExchangesRequestBudgetAndWaitsOutA429() throws Exception {
        RateLimits tight = RateLimits.upbit().withBudget(SimRateGroup.TICKER, 1);
        try (SimRehearsal rehearsal = new SimRehearsal(work, tight)) {
            Process process = start(rehearsal);
            await(() -> tickLines() >= 12, process, 90);
            assertThat(process.isAlive())
                    .as(Files.readString(work.resolve("err.txt")))
                    .isTrue();
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tickLines())
                    .as("the loop kept trading within the budget")
                    .isGreaterThanOrEqualTo(12);

            List<SeenRequest> tickers = rehearsal.sim.state().requests("/v1/ticker");
            Map<Instant, Long> perSecond = tickers.stream()
                    .collect(Collectors.groupingBy(
                            r -> r.receivedAt().truncatedTo(ChronoUnit.SECONDS), Collectors.counting()));
            assertThat(perSecond.values())
                    .as("ticker requests per second against a budget of 1 (Remaining-Req is read)")
                    .allMatch(n -> n <= 2);
            for (int i = 0; i < tickers.size() - 1; i++) {
                if (tickers.get(i).status() == 429) {
                    Instant nextSecond = tickers.get(i)
                            .receivedAt()
                            .truncatedTo(ChronoUnit.SECONDS)
                            .plusSeconds(1);
                    assertThat(tickers.get(i + 1).receivedAt())
                            .as("the call after a 429")
                            .isAfterOrEqualTo(nextSecond);
                }
            }
        }
    }

    private long tickLines() {
        try {
            return Files.readString(work.resolve("out.txt"))
                    .lines()
                    .filter(l -> l.contains(" KST  "))
                    .count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
