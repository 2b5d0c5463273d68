package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.exchange.replay.History;
import io.cointrader.sim.RateLimits;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live run against the simulator warns when the exchange API key is about to expire. */
class KeyExpiryIT {

    @TempDir
    Path work;

    @Test
    void aLiveRunRaisesACriticalEventForAKeyExpiringWithinAWeek() throws Exception {
        try (SimRehearsal rehearsal =
                new SimRehearsal(work, RateLimits.upbit(), History.bundled(), Duration.ofDays(5))) {
            TraderProcess.Result run = new TraderProcess(work).run(rehearsal.env(), "run", "--mode", "live", "--once");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(rehearsal.sim.state().requests("/v1/api_keys")).hasSize(1);
            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                List<SafetyEvent> expiry = store.recentSafetyEvents(100).stream()
                        .filter(e -> e.type() == SafetyEventType.API_KEY_EXPIRY)
                        .toList();
                assertThat(expiry).hasSize(1);
                assertThat(expiry.get(0).severity()).isEqualTo(Severity.CRITICAL);
                assertThat(expiry.get(0).message()).contains("expires on", "KST", "4 days left", "encrypt-keys");
            }
            String safetyLog = Files.readString(work.resolve("logs/safety.jsonl"));
            assertThat(safetyLog).contains("API_KEY_EXPIRY").doesNotContain(SimRehearsal.ACCESS);
        }
    }

    @Test
    void aKeyThatExpiresDuringARunIsOneCriticalAuthFailureWithAHint() throws Exception {
        try (SimRehearsal rehearsal =
                new SimRehearsal(work, RateLimits.upbit(), History.bundled(), Duration.ofSeconds(20))) {
            Path out = work.resolve("out.txt");
            Process process = new TraderProcess(work)
                    .builder(List.of("run", "--mode", "live"), rehearsal.env())
                    .redirectOutput(out.toFile())
                    .redirectError(work.resolve("err.txt").toFile())
                    .start();
            try {
                // several passes after the key expired, all of them refused
                boolean refused = awaitCount(out, "refused our credentials", 8, process, 90);
                assertThat(refused)
                        .as(Files.readString(work.resolve("err.txt")))
                        .isTrue();
            } finally {
                process.destroy();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }

            try (StateStore store = SqliteStateStore.open(work.resolve("data/coin_trader.db"))) {
                List<SafetyEvent> refusals = store.recentSafetyEvents(1000).stream()
                        .filter(e -> e.type() == SafetyEventType.AUTH_FAILED)
                        .toList();
                assertThat(refusals).hasSize(1);
                assertThat(refusals.get(0).severity()).isEqualTo(Severity.CRITICAL);
                assertThat(refusals.get(0).message())
                        .contains("expired_access_key", "rerun trader encrypt-keys", "allow-list");
            }
            assertThat(Files.readString(out)).doesNotContain(SimRehearsal.ACCESS, SimRehearsal.SECRET);
        }
    }

    private static boolean awaitCount(Path file, String text, int count, Process process, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(file) && occurrences(Files.readString(file), text) >= count) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
