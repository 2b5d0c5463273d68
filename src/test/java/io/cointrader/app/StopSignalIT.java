package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.IntentState;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the loop after the tick in progress, prints the summary and leaves nothing half-done. */
class StopSignalIT {

    @TempDir
    Path work;

    @Test
    void sigtermStopsCleanlyAfterTheCurrentTick() throws Exception {
        Path out = work.resolve("out.txt");
        Process process = new TraderProcess(work)
                .builder(
                        List.of("run", "--exchange", "replay", "--symbols", "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW"),
                        Map.of())
                .redirectOutput(out.toFile())
                .redirectError(work.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (lines(out) < 40 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).isTrue();

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(printed).contains("Stopped after");
        assertThat(printed).doesNotContain("Finished after");
        assertThat(work.resolve("RUN/kill_switch"))
                .as("a stop signal is not a persistent kill")
                .doesNotExist();
        try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
            assertThat(store.intentsIn(EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN)))
                    .isEmpty();
            assertThat(store.recentEvents("run_stopped", 1)).hasSize(1);
        }
    }

    private static long lines(Path out) throws Exception {
        return Files.exists(out)
                ? Files.readString(out, StandardCharsets.UTF_8).lines().count()
                : 0;
    }
}
