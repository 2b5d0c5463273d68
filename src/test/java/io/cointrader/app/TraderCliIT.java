package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged program as a user runs it: exit codes, one-line errors, files left behind. */
class TraderCliIT {

    @TempDir
    Path work;

    private TraderProcess trader() {
        return new TraderProcess(work);
    }

    private static void assertOneCleanErrorLine(TraderProcess.Result result, String... fragments) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("error: ").contains(fragments);
        assertThat(result.err()).doesNotContain("Exception", "\tat ", "at io.cointrader");
    }

    @Test
    void offlinePaperRunOnReplayPrintsDecisionsAndLeavesDatabaseAndSixLogs() throws Exception {
        TraderProcess.Result result = trader().run("run", "--exchange", "replay", "--once");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("BTC/KRW", "ETH/KRW", "KST", "Finished after 1 pass");
        assertThat(work.resolve("data/coin_trader.db")).exists();
        for (String log : List.of("decisions", "orders", "fills", "balances", "safety", "general")) {
            assertThat(work.resolve("logs/" + log + ".jsonl")).exists();
        }
        assertThat(Files.readString(work.resolve("logs/decisions.jsonl"))).contains("strategy_signal");
    }

    @Test
    void badNumberIsOneLineAndExitCodeTwo() throws Exception {
        assertOneCleanErrorLine(
                trader().run("run", "--exchange", "replay", "--set", "MAX_POSITION_SIZE_PCT=abc"),
                "MAX_POSITION_SIZE_PCT");
    }

    @Test
    void negativePercentageFromTheEnvironmentIsOneLineAndExitCodeTwo() throws Exception {
        assertOneCleanErrorLine(
                trader().run(Map.of("DAILY_MAX_DRAWDOWN_PCT", "-3"), "run", "--exchange", "replay"),
                "DAILY_MAX_DRAWDOWN_PCT");
    }

    @Test
    void badValueInDotEnvIsOneLineAndExitCodeTwo() throws Exception {
        Files.writeString(work.resolve(".env"), "TRADING_SYMBOLS=BTCKRW\n");

        assertOneCleanErrorLine(trader().run("run", "--exchange", "replay"), "TRADING_SYMBOLS");
    }

    @Test
    void unknownModeAndExchangeAreRefused() throws Exception {
        assertOneCleanErrorLine(trader().run("run", "--mode", "yolo"), "TRADING_MODE");
        assertOneCleanErrorLine(trader().run("run", "--exchange", "binance"), "EXCHANGE");
    }

    @Test
    void liveModeIsRefusedNeverSilentlyPaper() throws Exception {
        TraderProcess.Result result = trader().run("run", "--mode", "live", "--exchange", "replay", "--once");

        assertOneCleanErrorLine(result, "live");
        assertThat(result.out()).doesNotContain("BTC/KRW");
        assertThat(work.resolve("data/coin_trader.db")).doesNotExist();
    }

    @Test
    void unknownOptionAndUnknownCommandAreOneLineAndExitCodeTwo() throws Exception {
        assertOneCleanErrorLine(trader().run("run", "--frobnicate"), "--frobnicate");
        assertOneCleanErrorLine(trader().run("launch"), "launch");
    }

    @Test
    void badCandleDownloadInputIsOneLineAndExitCodeTwo() throws Exception {
        assertOneCleanErrorLine(
                trader().run("candles", "download", "--interval", "2h", "--from", "2025-01-01"), "--interval", "2h");
        assertOneCleanErrorLine(
                trader().run("candles", "download", "--interval", "1d", "--from", "2025-02-01", "--to", "2025-01-01"),
                "--from",
                "--to");
        assertOneCleanErrorLine(
                trader().run("candles", "download", "--interval", "1d", "--from", "Jan 1"), "--from", "YYYY-MM-DD");
        assertThat(work.resolve("data/candles.db")).doesNotExist();
    }

    @Test
    void killStopsTradingUntilReleased() throws Exception {
        TraderProcess.Result kill = trader().run("kill", "--reason", "maintenance");
        assertThat(kill.exitCode()).isZero();
        assertThat(work.resolve("RUN/kill_switch")).exists();

        TraderProcess.Result run = trader().run("run", "--exchange", "replay", "--once");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("KILL_SWITCH").doesNotContain("ORDER ");

        TraderProcess.Result release = trader().run("release");
        assertThat(release.exitCode()).isZero();
        assertThat(work.resolve("RUN/kill_switch")).doesNotExist();
    }

    @Test
    void helpWorksForEveryCommand() throws Exception {
        for (String command : List.of("run", "kill", "release", "status")) {
            TraderProcess.Result result = trader().run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).contains("Usage: trader " + command);
        }
    }

    @Test
    void killWithClosePositionsSellsEverythingThroughTheEngineAndStatusShowsIt() throws Exception {
        TraderProcess.Result run = trader().run("run", "--exchange", "replay");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).as("the bundled replay ends holding positions").contains("holding ");

        TraderProcess.Result otherSource =
                trader().run("kill", "--close-positions", "--exchange", "upbit", "--reason", "drill");
        assertThat(otherSource.exitCode())
                .as("the account trades on replay; an explicit other exchange is refused")
                .isEqualTo(2);
        assertThat(otherSource.errLines()).hasSize(1);
        assertThat(otherSource.err()).contains("--exchange replay");

        TraderProcess.Result kill = trader().run("kill", "--close-positions", "--reason", "drill");

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(kill.err()).contains("note: following the account in data/coin_trader.db, EXCHANGE=replay");
        assertThat(kill.out()).contains("Kill switch ACTIVE", "sell BTC/KRW", "-> filled");
        TraderProcess.Result status = trader().run("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.err()).contains("EXCHANGE=replay");
        assertThat(status.out())
                .contains("kill switch: ACTIVE (drill)")
                .contains("the trader's positions (what its own buys hold; value at the last price):\n  none");
        assertThat(status.out()).contains("EMERGENCY_CLOSE");
    }
}
