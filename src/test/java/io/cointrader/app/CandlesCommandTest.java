package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.candles.CandleCache;
import io.cointrader.candles.CandleInterval;
import io.cointrader.candles.CandleServer;
import io.cointrader.candles.Fixtures;
import io.cointrader.cli.TraderCommand;
import io.cointrader.core.Candle;
import io.cointrader.core.Symbol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trader candles download} in process, against a loopback Upbit. */
class CandlesCommandTest {

    private static final List<Candle> SAMPLE = Fixtures.btc60m();

    @TempDir
    Path work;

    private CandleServer server;

    private record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeEach
    void start() {
        server = new CandleServer(Clock.systemUTC(), "KRW-BTC").serve(CandleInterval.MINUTES_60, SAMPLE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result trader(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("UPBIT_BASE_URL", server.baseUrl().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TraderCommand.commandLine(new Application(env, work));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result download(String... extra) {
        List<String> args = new ArrayList<>(List.of("candles", "download", "--symbols", "BTC/KRW"));
        args.addAll(List.of(extra));
        return trader(args.toArray(String[]::new));
    }

    private static void assertOneCleanErrorLine(Result result, int exitCode, String... fragments) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("error: ").contains(fragments);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void downloadsIntoTheCacheAndReportsPerSymbol() {
        Result result = download("--interval", "1h", "--from", "2025-08-28", "--to", "2025-09-23T00:00:00Z");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("candle cache: .*data.candles\\.db")
                .contains("BTC/KRW 60m [2025-08-28T00:00:00Z, 2025-09-23T00:00:00Z): 600 downloaded,"
                        + " 0 already cached (4 requests); cache holds 600 candles from 2025-08-28T11:00:00Z"
                        + " to 2025-09-22T10:00:00Z")
                .contains("100% 624/624");
        try (CandleCache cache = CandleCache.open(work.resolve("data/candles.db"))) {
            assertThat(cache.read(Symbol.parse("BTC/KRW"), 60, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                    .containsExactlyElementsOf(SAMPLE);
        }

        Result again = download("--interval", "60m", "--from", "2025-08-28", "--to", "2025-09-23");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 downloaded, 600 already cached (0 requests)");
        assertThat(server.hits()).hasSize(4);
    }

    @Test
    void cacheFlagAndSettingChooseTheFile() {
        Result result = download(
                "--interval", "60m", "--from", "2025-09-20", "--to", "2025-09-21", "--cache", "elsewhere/c.db");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(work.resolve("elsewhere/c.db")).exists();
        assertThat(work.resolve("data/candles.db")).doesNotExist();

        Result viaSet = download(
                "--interval", "60m", "--from", "2025-09-20", "--to", "2025-09-21", "--set", "CANDLE_CACHE_PATH=x.db");
        assertThat(viaSet.exitCode()).as(viaSet.err()).isZero();
        assertThat(work.resolve("x.db")).exists();
    }

    @Test
    void badIntervalIsOneLineAndExitCodeTwo() {
        assertOneCleanErrorLine(
                download("--interval", "2h", "--from", "2025-01-01", "--to", "2025-02-01"),
                2,
                "--interval",
                "'2h'",
                "1m 3m 5m 10m 15m 30m 60m 240m 1h 4h 1d");
        assertThat(server.hits()).isEmpty();
    }

    @Test
    void fromNotBeforeToIsOneLineAndExitCodeTwo() {
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-02-01", "--to", "2025-01-01"), 2, "--from", "--to");
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-02-01", "--to", "2025-02-01T00:00:00Z"),
                2,
                "must be before");
        assertThat(server.hits()).isEmpty();
        assertThat(work.resolve("data/candles.db")).doesNotExist();
    }

    @Test
    void badDatesAreOneLineAndExitCodeTwo() {
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-13-01", "--to", "2025-02-01"), 2, "--from", "2025-13-01");
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-01-01", "--to", "yesterday"), 2, "--to", "YYYY-MM-DD");
        assertOneCleanErrorLine(download("--interval", "1d", "--from", "2025-01-01T00:00:00"), 2, "--from", "ISO-8601");
        assertOneCleanErrorLine(download("--interval", "1d", "--from", "2999-01-01"), 2, "not in the past");
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-01-01T09:00:00+09:00", "--to", "2025-01-01"),
                2,
                "--from 2025-01-01T00:00:00Z must be before --to 2025-01-01T00:00:00Z");
    }

    @Test
    void badSymbolsAreOneLineAndExitCodeTwo() {
        assertOneCleanErrorLine(
                trader("candles", "download", "--symbols", "BTCKRW", "--interval", "1d", "--from", "2025-01-01"),
                2,
                "TRADING_SYMBOLS");
        assertOneCleanErrorLine(
                trader("candles", "download", "--symbols", "BTC/USDT:USDT", "--interval", "1d", "--from", "2025-01-01"),
                2,
                "TRADING_SYMBOLS",
                "BTC/USDT:USDT");
    }

    @Test
    void requestBudgetAboveUpbitsLimitIsRefused() {
        assertOneCleanErrorLine(
                download("--interval", "1d", "--from", "2025-01-01", "--requests-per-second", "11"),
                2,
                "--requests-per-second");
    }

    @Test
    void missingOptionsAreOneLineAndExitCodeTwo() {
        assertOneCleanErrorLine(download("--interval", "1d"), 2, "--from");
        assertOneCleanErrorLine(trader("candles", "upload"), 2, "upload");
    }

    @Test
    void aBanIsOneLineAndExitCodeOneKeepingWhatArrived() {
        server.faults((index, hit) -> index == 1
                ? Optional.of(new CandleServer.Reply(418, "", Map.of("Retry-After", "60")))
                : Optional.empty());

        Result result = download("--interval", "60m", "--from", "2025-08-28", "--to", "2025-09-23");

        assertOneCleanErrorLine(result, 1, "HTTP 418", "banned", "run the same command again");
        assertThat(result.out()).contains("BTC/KRW 60m: stopped; cache holds 200 candles");
    }

    @Test
    void helpListsTheDownloadCommand() {
        Result result = trader("candles", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("download");
    }
}
