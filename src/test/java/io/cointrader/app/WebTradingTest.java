package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.config.TradingMode;
import io.cointrader.logging.Redactor;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.web.ControlRefusedException;
import io.cointrader.web.StartRequest;
import io.cointrader.web.TradingState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's start and stop run the real loop over the replay exchange. */
class WebTradingTest {

    @TempDir
    Path work;

    private final StringWriter console = new StringWriter();

    @Test
    void startsTheSameLoopAsRunAndStopsAfterTheTickInProgress() {
        WebTrading trading = trading(Map.of("EXCHANGE", "replay"));

        TradingState started = trading.start(new StartRequest(TradingMode.PAPER, "", "local"));

        assertThat(started.running()).isTrue();
        assertThat(started.runner()).isEqualTo(TradingState.Runner.THIS_SERVER);
        assertThat(started.mode()).isEqualTo(TradingMode.PAPER);
        awaitFirstTick();
        TradingState stopped = trading.stop(Duration.ofSeconds(30));
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.runner()).isEqualTo(TradingState.Runner.NONE);
        assertThat(stopped.lastError()).isNull();
        assertThat(stopped.stoppedAt()).isNotNull();
        assertThat(console.toString()).contains("coin-trader paper trading");
        try (SqliteStateStore store = SqliteStateStore.open(work.resolve("t.db"))) {
            assertThat(store.recentEvents("run_started", 5)).hasSize(1);
            assertThat(store.recentEvents("run_stopped", 5)).hasSize(1);
            assertThat(store.lastTicks()).isNotEmpty();
        }
    }

    @Test
    void refusesASecondStartWhileTheLoopRuns() {
        WebTrading trading = trading(Map.of("EXCHANGE", "replay"));
        trading.start(new StartRequest(TradingMode.PAPER, "", "local"));
        try {
            assertThatThrownBy(() -> trading.start(new StartRequest(TradingMode.PAPER, "", "local")))
                    .isInstanceOfSatisfying(ControlRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(ControlRefusedException.Reason.CONFLICT));
        } finally {
            trading.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void refusesToStopWhenNothingRunsHere() {
        WebTrading trading = trading(Map.of("EXCHANGE", "replay"));

        assertThatThrownBy(() -> trading.stop(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ControlRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(ControlRefusedException.Reason.CONFLICT));
    }

    @Test
    void refusesLiveTradingOnTheReplayExchange() {
        WebTrading trading = trading(Map.of("EXCHANGE", "replay"));

        assertThatThrownBy(() -> trading.start(new StartRequest(TradingMode.LIVE, LiveGate.PHRASE, "local")))
                .isInstanceOfSatisfying(ControlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ControlRefusedException.Reason.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("cannot be used with TRADING_MODE=live");
                });
        assertThat(trading.state().running()).isFalse();
    }

    @Test
    void liveNeedsTheTokenFileEvenWithThePhraseTyped() {
        WebTrading trading = trading(Map.of("UPBIT_BASE_URL", "http://127.0.0.1:9"));

        assertThatThrownBy(() -> trading.start(new StartRequest(TradingMode.LIVE, LiveGate.PHRASE, "local")))
                .isInstanceOfSatisfying(ControlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ControlRefusedException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("LIVE_MODE_TOKEN_PATH");
                });
    }

    @Test
    void liveNeedsThePhraseTypedEvenWhenTheEnvironmentCarriesIt() throws Exception {
        java.nio.file.Files.createDirectories(work.resolve("RUN"));
        java.nio.file.Files.writeString(work.resolve("RUN/live_mode_token.txt"), "yes");
        WebTrading trading =
                trading(Map.of("UPBIT_BASE_URL", "http://127.0.0.1:9", "LIVE_TRADING_CONFIRMATION", LiveGate.PHRASE));

        assertThatThrownBy(() -> trading.start(new StartRequest(TradingMode.LIVE, "yes please", "local")))
                .isInstanceOfSatisfying(ControlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ControlRefusedException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("not confirmed");
                });
    }

    @Test
    void liveWithTokenAndPhraseStillNeedsTheMasterKeyFromTheEnvironment() throws Exception {
        java.nio.file.Files.createDirectories(work.resolve("RUN"));
        java.nio.file.Files.writeString(work.resolve("RUN/live_mode_token.txt"), "yes");
        WebTrading trading = trading(Map.of("UPBIT_BASE_URL", "http://127.0.0.1:9"));

        assertThatThrownBy(() -> trading.start(new StartRequest(TradingMode.LIVE, LiveGate.PHRASE, "local")))
                .isInstanceOfSatisfying(ControlRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ControlRefusedException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("UPBIT_MASTER_KEY");
                });
        assertThat(trading.state().running()).isFalse();
    }

    /** The loop runs on its own thread; wait (bounded) until it has recorded a tick. */
    private void awaitFirstTick() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (SqliteStateStore store = SqliteStateStore.open(work.resolve("t.db"))) {
            while (store.lastTicks().isEmpty()) {
                assertThat(System.nanoTime()).as("a tick within 30 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private WebTrading trading(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("DB_PATH", work.resolve("t.db").toString());
        env.put("LOG_DIR", work.resolve("logs").toString());
        env.put("KILL_SWITCH_FILE", work.resolve("RUN/kill_switch").toString());
        env.put("LIVE_MODE_TOKEN_PATH", work.resolve("RUN/live_mode_token.txt").toString());
        Settings base = SettingsLoader.load(Map.of(), env, work).settings();
        return new WebTrading(
                mode -> SettingsLoader.load(Map.of("TRADING_MODE", mode.name().toLowerCase()), env, work)
                        .settings(),
                base.storage().dbPath(),
                Redactor.withSecrets(List.of()),
                new LiveGate(Clock.systemUTC(), Terminal.system()),
                new PrintWriter(console, true),
                Clock.systemUTC());
    }
}
