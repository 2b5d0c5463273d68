package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trader backtest} through the packaged jar, as a user runs it. */
class BacktestCliIT {

    private static final String HEADER = "timestamp_utc,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    @Test
    void runsOnTheBundledHistoryAndTheSameRunGivesTheSameFingerprint() throws Exception {
        TraderProcess trader = new TraderProcess(dir);
        String[] args = {"backtest", "--symbols", "BTC/KRW,ETH/KRW", "--from", "2025-10-27", "--report-dir", "out"};

        TraderProcess.Result first = trader.run(Map.of(), args);
        TraderProcess.Result second = trader.run(Map.of(), args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("buy-and-hold", "Sharpe", "max drawdown", "fingerprint: ");
        assertThat(fingerprint(first.out())).hasSize(16).isEqualTo(fingerprint(second.out()));
        Path html = dir.resolve("out/backtest_BTC-ETH_60m_20251027-20251201.html");
        assertThat(html).exists();
        assertThat(Files.readString(html)).contains("<script").doesNotContain("src=\"http");
        assertThat(dir.resolve("out/backtest_BTC-ETH_60m_20251027-20251201-trades.csv"))
                .content()
                .startsWith("symbol,entry_time,entry_price");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path wrongHeader = Files.writeString(dir.resolve("header.csv"), "time,o,h,l,c,v\n");
        Path unsorted = Files.writeString(
                dir.resolve("unsorted.csv"),
                HEADER + "2025-01-01T01:00:00Z,1,1,1,1,1\n2025-01-01T00:00:00Z,1,1,1,1,1\n");
        Path duplicate = Files.writeString(
                dir.resolve("duplicate.csv"),
                HEADER + "2025-01-01T01:00:00Z,1,1,1,1,1\n2025-01-01T01:00:00Z,1,1,1,1,1\n");
        List<List<String>> cases = List.of(
                List.of("--data", "missing.csv"),
                List.of("--data", wrongHeader.toString()),
                List.of("--data", unsorted.toString()),
                List.of("--data", duplicate.toString()),
                List.of("--from", "2025-11-10", "--to", "2025-11-01"),
                List.of("--from", "last week"),
                List.of("--symbols", "DOGE/KRW"),
                List.of("--interval", "7x"),
                List.of("--interval", "1m"),
                List.of("--from", "2020-01-01"),
                List.of("--initial-krw", "-5"));
        TraderProcess trader = new TraderProcess(dir);
        for (List<String> extra : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("backtest", "--symbols", "BTC/KRW"));
            args.addAll(extra);

            TraderProcess.Result result = trader.run(Map.of(), args.toArray(String[]::new));

            assertThat(result.exitCode()).as(extra + ": " + result.err()).isEqualTo(2);
            assertThat(result.errLines()).as(extra.toString()).hasSize(1);
            assertThat(result.err()).as(extra.toString()).startsWith("error: ").doesNotContain("Exception", "\tat ");
        }
    }

    private static String fingerprint(String out) {
        return out.lines()
                .filter(l -> l.startsWith("fingerprint: "))
                .map(l -> l.substring("fingerprint: ".length()).strip())
                .findFirst()
                .orElse("");
    }
}
