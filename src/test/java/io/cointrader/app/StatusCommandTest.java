package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.cli.TraderCommand;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Side;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import io.cointrader.state.TickRecord;
import io.cointrader.testing.LiveAccountStory;
import io.cointrader.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trader status} over real SQLite databases in a temp dir, with values worked out by hand. */
class StatusCommandTest {

    private static final Map<String, String> LIVE = Map.of("TRADING_MODE", "live");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(LiveAccountStory.NOW.plus(Duration.ofMinutes(30)));

    @Test
    void liveAccountShowsTheExchangesBalancesAsOfTheLastTickInKst() throws Exception {
        tell(LiveAccountStory::tell);

        String out = status(LIVE);

        assertThat(out).contains("live account on upbit", "as of the last tick, 2024-03-01 14:00 KST");
        assertThat(section(out, "balances on the exchange"))
                .containsExactly(
                        "KRW    free 1,000,000, locked 190,000, total 1,190,000",
                        "BTC    free 0.015, locked 0.005, total 0.02",
                        "DOGE   free 100, locked 0, total 100",
                        "ETH    free 0.3, locked 0, total 0.3",
                        "XRP    free 0.5, locked 0, total 0.5");
    }

    @Test
    void liveAccountShowsTheTradersPositionsDustAndHoldingsItDoesNotManageApart() throws Exception {
        tell(LiveAccountStory::tell);

        String out = status(LIVE);

        assertThat(section(out, "the trader's positions"))
                .containsExactly("BTC/KRW 0.01 @ avg 90,045,000: worth 970,000 KRW at 97,000,000"
                        + " (2024-03-01 14:00 KST), unrealised +69,550 KRW (+7.72%)");
        assertThat(section(out, "dust (worth less than the 5,000 KRW minimum order"))
                .containsExactly("XRP/KRW 0.5 @ avg 800.4: worth 350 KRW at 700 (2024-03-01 14:00 KST),"
                        + " unrealised -50 KRW (-12.54%)");
        assertThat(section(out, "not managed by the trader"))
                .containsExactly(
                        "BTC    0.01 of 0.02: worth 970,000 KRW at 97,000,000 (2024-03-01 14:00 KST)",
                        "DOGE   100 of 100: no price known (the trader has no tick of DOGE/KRW)",
                        "ETH    0.3 of 0.3: worth 1,200,000 KRW at 4,000,000 (2024-03-01 14:00 KST)");
        assertThat(out).contains("equity: 2,160,350 KRW");
    }

    @Test
    void liveAccountShowsTodaysPnlFromTheDayStartEquity() throws Exception {
        tell(LiveAccountStory::tell);

        assertThat(status(LIVE))
                .contains("today's PnL (UTC day 2024-03-01, from 09:00 KST): +60,350 KRW (+2.87%)"
                        + " from 2,100,000 KRW at the start of the day");
    }

    @Test
    void thePnlOfAnEarlierDayIsNotCalledToday() throws Exception {
        tell(LiveAccountStory::tell);
        clock.advance(Duration.ofDays(3));

        String out = status(LIVE);

        assertThat(out).contains("PnL of UTC day 2024-03-01 (the day of the last tick; none has run today)");
        assertThat(out).doesNotContain("today's PnL");
        assertThat(out).contains("(3 d 1 h ago) [o-open]");
    }

    @Test
    void openOrdersShowTheirAgeAndWhyTheTraderCancelsThem() throws Exception {
        tell(LiveAccountStory::tell);

        assertThat(section(status(LIVE), "open orders"))
                .containsExactly(
                        "BUY BTC/KRW 0.002 @ 95,000,000, filled 0, OPEN, placed 2024-03-01 13:00 KST (90 min ago)"
                                + " [o-open]",
                        "SELL BTC/KRW 0.005 @ 99,000,000, filled 0, OPEN, placed 2024-03-01 13:40 KST (50 min ago)"
                                + " [o-sell-wait]: " + LiveAccountStory.CANCEL_REQUESTED);
    }

    @Test
    void recentSafetyEventsAreShownInKst() throws Exception {
        tell(LiveAccountStory::tell);

        assertThat(section(status(LIVE), "recent safety events"))
                .containsExactly("2024-03-01 13:30 KST HIGH PRICE_ANOMALY BTC/KRW: price jumped");
    }

    @Test
    void fillsAfterTheLastSnapshotAreNoted() throws Exception {
        tell(store -> {
            LiveAccountStory.tell(store);
            LiveAccountStory.filled(
                    store,
                    "o-late",
                    LiveAccountStory.BTC,
                    Side.SELL,
                    "97000000",
                    "0.01",
                    "485",
                    LiveAccountStory.NOW.plusSeconds(60));
        });

        assertThat(status(LIVE)).contains("note: 1 fill(s) since then; balances and positions catch up");
    }

    @Test
    void anActiveKillSwitchIsShownWithItsReasonAndSince() throws Exception {
        tell(LiveAccountStory::tell);
        new KillSwitch(dir.resolve("RUN/kill_switch"), clock).activate("drill", "cli");

        assertThat(status(LIVE))
                .startsWith("kill switch: ACTIVE (drill) since 2024-03-01 14:30 KST, by cli: no new orders");
    }

    @Test
    void aPaperAccountIsRebuiltFromItsFillsWithNothingExternal() throws Exception {
        tell(StatusCommandTest::paperAccount);

        String out = status(Map.of("EXCHANGE", "replay"));

        assertThat(out).contains("paper account on replay, started with 1,000,000 KRW");
        assertThat(out).contains("paper account rebuilt from its fills, as of 2024-03-01 13:00 KST");
        assertThat(section(out, "balances of the paper account"))
                .containsExactly(
                        "KRW    free 99,550, locked 0, total 99,550", "BTC    free 0.01, locked 0, total 0.01");
        assertThat(section(out, "the trader's positions"))
                .containsExactly("BTC/KRW 0.01 @ avg 90,045,000: worth 970,000 KRW at 97,000,000"
                        + " (2024-03-01 14:00 KST), unrealised +69,550 KRW (+7.72%)");
        assertThat(out).contains("equity: 1,069,550 KRW");
        assertThat(out).contains("today's PnL (UTC day 2024-03-01, from 09:00 KST): +69,550 KRW (+6.96%)");
        assertThat(out).doesNotContain("not managed", "dust");
    }

    @Test
    void aPaperAccountItsFillsCannotRebuildIsShownFromItsSnapshotAndSaysSo() throws Exception {
        tell(store -> {
            paperAccount(store);
            store.putMeta(MetaKeys.PAPER_INITIAL_KRW, "1000");
        });

        String out = status(Map.of("EXCHANGE", "replay"));

        assertThat(out.lines().toList().get(2))
                .startsWith("note: the paper account could not be rebuilt from its fills");
        assertThat(out)
                .contains("as of the last tick, 2024-03-01 10:00 KST")
                .doesNotContain("rebuilt from its fills, as");
        assertThat(out).contains("note: 1 fill(s) since then");
        assertThat(section(out, "balances of the paper account"))
                .containsExactly("KRW    free 1,000,000, locked 0, total 1,000,000");
    }

    @Test
    void aMissingDatabaseSaysSoInOneLine() {
        String out = status(LIVE);

        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out).contains("kill switch: off", "does not exist yet: nothing has run.");
        assertThat(dir.resolve("data/coin_trader.db")).doesNotExist();
    }

    @Test
    void anEmptyDatabaseSaysSoInOneLine() throws Exception {
        tell(store -> {});

        String out = status(LIVE);

        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out).contains("is empty: nothing has traded on it yet.");
    }

    @Test
    void aLiveDatabaseAskedForExplicitlyInPaperModeIsAOneLineUserError() throws Exception {
        tell(LiveAccountStory::tell);

        Cli result = cli("status", "--mode", "paper");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err())
                .contains("which trades in live mode", "--mode live")
                .doesNotContain("Exception");
        assertThat(result.out()).doesNotContain("paper account", "1,000,000");
    }

    @Test
    void withoutAModeStatusFollowsTheLiveDatabaseAndSaysSo() throws Exception {
        tell(LiveAccountStory::tell);

        Cli result = cli("status");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("note: following the account in", "TRADING_MODE=live");
        assertThat(result.out())
                .contains("live account on upbit", "not managed by the trader")
                .doesNotContain("paper account");
    }

    @Test
    void aDatabaseOfAnotherExchangeGivenExplicitlyIsAOneLineUserError() throws Exception {
        tell(StatusCommandTest::paperAccount);

        Cli result = cli("status", "--exchange", "upbit");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("--exchange replay");
    }

    @Test
    void theCommandLineTakesTheModeOfALiveDatabase() throws Exception {
        tell(LiveAccountStory::tell);

        Cli result = cli("status", "--mode", "live");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("not managed by the trader", "PnL of UTC day 2024-03-01", "h ago) [o-open]");
    }

    /** 1,000,000 KRW; one BTC buy of 0.01 @ 90,000,000 (fee 450) after a snapshot that predates it. */
    private static void paperAccount(StateStore store) {
        store.putMeta(MetaKeys.ACCOUNT_MODE, "paper");
        store.putMeta(MetaKeys.ACCOUNT_EXCHANGE, "replay");
        store.putMeta(MetaKeys.PAPER_INITIAL_KRW, "1000000");
        store.putMeta(MetaKeys.REPLAY_CLOCK, LiveAccountStory.NOW.toString());
        Instant before = Instant.parse("2024-03-01T01:00:00Z");
        BigDecimal initial = LiveAccountStory.dec("1000000");
        BalanceSnapshot cash = new BalanceSnapshot(Map.of("KRW", new Balance("KRW", initial, BigDecimal.ZERO)), before);
        store.saveAccountSnapshot(new AccountSnapshot(cash, List.of(), initial, before));
        store.recordDayStartEquity(LocalDate.parse("2024-03-01"), initial, before);
        LiveAccountStory.filled(
                store,
                "p-buy",
                LiveAccountStory.BTC,
                Side.BUY,
                "90000000",
                "0.01",
                "450",
                Instant.parse("2024-03-01T04:00:00Z"));
        store.recordTick(new TickRecord(
                LiveAccountStory.BTC,
                LiveAccountStory.NOW,
                LiveAccountStory.NOW,
                "HOLD",
                LiveAccountStory.dec("97000000"),
                "no signal"));
    }

    /** The indented lines under the line that starts with {@code heading}, without their indent. */
    private static List<String> section(String out, String heading) {
        List<String> lines = out.lines().toList();
        List<String> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                start = i;
                break;
            }
        }
        assertThat(start)
                .as("a line starting with '" + heading + "' in:\n" + out)
                .isNotNegative();
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            found.add(lines.get(i).substring(2));
        }
        return found;
    }

    private interface Story {
        void tell(StateStore store) throws Exception;
    }

    private void tell(Story story) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (StateStore store = SqliteStateStore.open(dir.resolve("data/coin_trader.db"))) {
            story.tell(store);
        }
    }

    private String status(Map<String, String> environment) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        Settings settings = SettingsLoader.load(Map.of(), env(environment), dir).settings();
        int code = new StatusCommand(settings, new Invocation(Map.of(), writer, writer), clock).print();
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    private record Cli(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TraderCommand.commandLine(new Application(env(Map.of()), dir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static Map<String, String> env(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW,XRP/KRW");
        return env;
    }
}
