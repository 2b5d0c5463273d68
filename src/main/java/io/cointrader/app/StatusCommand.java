package io.cointrader.app;

import io.cointrader.broker.PaperBroker;
import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.config.Settings;
import io.cointrader.core.Balance;
import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.KillSwitchStatus;
import io.cointrader.state.StateStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;

/** {@code trader status}: what the database and the kill switch say, without trading. */
final class StatusCommand {

    private final Settings settings;
    private final PrintWriter out;

    StatusCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.out = invocation.out();
    }

    private static String amount(String currency, BigDecimal value) {
        return "KRW".equals(currency)
                ? Display.krw(value.setScale(0, java.math.RoundingMode.HALF_EVEN))
                : value.stripTrailingZeros().toPlainString();
    }

    int print() {
        KillSwitchStatus kill = new KillSwitch(settings.safety().killSwitchFile(), Clock.systemUTC()).status();
        out.println("kill switch: " + (kill.active() ? "ACTIVE (" + kill.reason() + ")" : "off"));
        if (!Files.exists(settings.storage().dbPath())) {
            out.println(
                    "database " + Display.path(settings.storage().dbPath()) + " does not exist yet: nothing has run.");
            return Application.OK;
        }
        try (StateStore store = SystemBuilder.openStore(settings)) {
            BigDecimal initial = store.meta(SystemBuilder.PAPER_CASH_KEY)
                    .map(BigDecimal::new)
                    .orElse(settings.paper().initialKrw());
            if (settings.mode() == io.cointrader.config.TradingMode.LIVE) {
                out.println("live account: balances and positions are the exchange's (see logs/balances.jsonl)");
                printOrdersAndEvents(store);
                return Application.OK;
            }
            PaperBroker paper = PaperBroker.restore(
                    "KRW",
                    initial,
                    settings.paper().feeRate(),
                    Clock.systemUTC(),
                    store.allFills(),
                    store.openOrders());
            out.println("paper account (started with " + Display.krw(initial) + " KRW):");
            for (Balance b : paper.balances().balances().values()) {
                out.println("  " + b.currency() + " free " + amount(b.currency(), b.free()) + ", locked "
                        + amount(b.currency(), b.locked()));
            }
            for (Position p : paper.positions()) {
                out.println("  position " + p.symbol() + " " + p.quantity().toPlainString() + " @ avg "
                        + Display.krw(p.averagePrice().setScale(0, java.math.RoundingMode.HALF_EVEN)));
            }
            printOrdersAndEvents(store);
        }
        return Application.OK;
    }

    private void printOrdersAndEvents(StateStore store) {
        for (Order o : store.openOrders()) {
            out.println("  open order " + o.side() + " " + o.symbol() + " "
                    + o.quantity().toPlainString() + " @ " + Display.krw(o.price()) + " (" + o.clientOrderId()
                    + ")");
        }
        out.println("recent safety events:");
        for (SafetyEvent e : store.recentSafetyEvents(5)) {
            out.println(
                    "  " + ConsoleReporter.time(e.time()) + " " + e.severity() + " " + e.type() + ": " + e.message());
        }
    }
}
