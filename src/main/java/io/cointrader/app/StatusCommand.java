package io.cointrader.app;

import io.cointrader.broker.PaperBroker;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.core.Fill;
import io.cointrader.exchange.TickSize;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.KillSwitchStatus;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.StateStore;
import io.cointrader.state.TickRecord;
import io.cointrader.web.view.AccountBreakdown;
import io.cointrader.web.view.AccountViews;
import io.cointrader.web.view.DayPnl;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code trader status}: what the database and the kill switch say, without trading and without the
 * exchange. The database must be of the configured mode and exchange, as for {@code trader web}. A live
 * account is shown from its newest snapshot (the exchange's balances, the trader's own positions); a paper
 * account is rebuilt from its fills.
 */
final class StatusCommand {

    private static final int SAFETY_EVENTS = 5;
    private static final String REBUILT = "paper account rebuilt from its fills, as of ";

    private final Settings settings;
    private final PrintWriter out;
    private final Clock clock;
    /** What the account could not show as asked, said after the database line. */
    private final List<String> notes = new ArrayList<>();

    StatusCommand(Settings settings, Invocation invocation, Clock clock) {
        this.settings = settings;
        this.out = invocation.out();
        this.clock = clock;
    }

    int print() {
        out.println(killSwitch(new KillSwitch(settings.safety().killSwitchFile(), clock).status()));
        String db = Display.path(settings.storage().dbPath());
        if (!Files.exists(settings.storage().dbPath())) {
            out.println("database " + db + " does not exist yet: nothing has run.");
            return Application.OK;
        }
        try (StateStore store = SystemBuilder.openStore(settings)) {
            SystemBuilder.checkAccount(settings, store);
            boolean live = settings.mode() == TradingMode.LIVE;
            Optional<Shown> account = live ? lastTick(store) : paperAccount(store);
            if (account.isEmpty()
                    && store.orderCount() == 0
                    && store.recentSafetyEvents(1).isEmpty()) {
                out.println("database " + db + " is empty: nothing has traded on it yet.");
                return Application.OK;
            }
            out.println("database " + db + ": " + describe(store));
            notes.forEach(out::println);
            String quote = settings.symbols().get(0).quote();
            StatusReport report = new StatusReport(out, quote, tradingNow(store));
            if (account.isPresent()) {
                printAccount(store, account.get(), report, live);
            } else {
                out.println("no account snapshot yet: balances and positions appear after the first tick");
            }
            report.openOrders(store.openOrders());
            report.safetyEvents(store.recentSafetyEvents(SAFETY_EVENTS));
        }
        return Application.OK;
    }

    /** An account as it is shown, and where it comes from. */
    private record Shown(AccountSnapshot snapshot, String source) {

        boolean rebuilt() {
            return source.equals(REBUILT);
        }
    }

    private static Optional<Shown> lastTick(StateStore store) {
        return store.latestAccountSnapshot().map(s -> new Shown(s, "as of the last tick, "));
    }

    private void printAccount(StateStore store, Shown shown, StatusReport report, boolean live) {
        AccountSnapshot snapshot = shown.snapshot();
        String quote = settings.symbols().get(0).quote();
        AccountBreakdown account = new AccountViews(store, quote, TickSize.KRW_MIN_ORDER_TOTAL).breakdown(snapshot);
        out.println(shown.source() + ConsoleReporter.time(snapshot.time()));
        if (!shown.rebuilt()) {
            long later = store.allFills().stream()
                    .filter(f -> f.time().isAfter(snapshot.time()))
                    .count();
            if (later > 0) {
                out.println("  note: " + later + " fill(s) since then; balances and positions catch up at the next"
                        + " tick");
            }
        }
        report.account(account, live, TickSize.KRW_MIN_ORDER_TOTAL);
        report.dayPnl(DayPnl.of(store, snapshot));
    }

    private String describe(StateStore store) {
        String account = settings.mode().name().toLowerCase(Locale.ROOT) + " account on "
                + settings.exchange().name().toLowerCase(Locale.ROOT);
        Optional<BigDecimal> initial = paperInitial(store);
        return settings.mode() == TradingMode.PAPER && initial.isPresent()
                ? account + ", started with " + Display.krw(initial.get()) + " KRW"
                : account;
    }

    /**
     * The paper account as its fills leave it, valued at the newest ticks, as of the newer of the last
     * snapshot and the last fill; the last snapshot when the fills cannot rebuild it (it is then said).
     */
    private Optional<Shown> paperAccount(StateStore store) {
        Optional<AccountSnapshot> latest = store.latestAccountSnapshot();
        Optional<BigDecimal> initial = paperInitial(store);
        List<Fill> fills = store.allFills();
        Optional<Instant> asOf = fills.stream().map(Fill::time).max(Instant::compareTo);
        if (latest.isPresent() && (asOf.isEmpty() || latest.get().time().isAfter(asOf.get()))) {
            asOf = Optional.of(latest.get().time());
        }
        if (initial.isEmpty() || asOf.isEmpty()) {
            return lastTick(store);
        }
        try {
            PaperBroker paper = PaperBroker.restore(
                    "KRW", initial.get(), settings.paper().feeRate(), clock, fills, store.openOrders());
            Portfolio portfolio = new Portfolio(settings.symbols().get(0).quote());
            for (TickRecord tick : store.lastTicks()) {
                if (tick.price() != null) {
                    portfolio.observe(tick.symbol(), tick.price());
                }
            }
            BigDecimal equity = portfolio.equity(paper.balances(), paper.positions());
            return Optional.of(
                    new Shown(new AccountSnapshot(paper.balances(), paper.positions(), equity, asOf.get()), REBUILT));
        } catch (IllegalArgumentException e) {
            notes.add("note: the paper account could not be rebuilt from its fills (" + e.getMessage()
                    + "); showing its last snapshot");
            return lastTick(store);
        }
    }

    private static Optional<BigDecimal> paperInitial(StateStore store) {
        try {
            return store.meta(MetaKeys.PAPER_INITIAL_KRW).map(text -> new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The replay clock on a replayed account (order ages and "today" follow it), else the wall clock. */
    private Instant tradingNow(StateStore store) {
        Optional<String> replay = store.meta(MetaKeys.REPLAY_CLOCK);
        if (replay.isPresent()) {
            try {
                return Instant.parse(replay.get().trim());
            } catch (DateTimeParseException e) {
                return clock.instant();
            }
        }
        return clock.instant();
    }

    private static String killSwitch(KillSwitchStatus kill) {
        if (!kill.active()) {
            return "kill switch: off";
        }
        String since = kill.since() == null ? "" : " since " + ConsoleReporter.time(kill.since());
        return "kill switch: ACTIVE (" + kill.reason() + ")" + since + ", by " + kill.source() + ": no new orders";
    }
}
