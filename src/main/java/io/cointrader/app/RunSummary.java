package io.cointrader.app;

import io.cointrader.core.Position;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The lines printed when a run ends. */
final class RunSummary {

    private final TradingSystem system;
    private final PrintWriter out;

    RunSummary(TradingSystem system, PrintWriter out) {
        this.system = system;
        this.out = out;
    }

    void print(long passes, ConsoleReporter reporter, PassTimes passTimes, boolean stopped) {
        TradingParts parts = system.parts();
        List<Position> positions = parts.broker().positions();
        BigDecimal equity = system.portfolio().equity(parts.broker().balances(), positions);
        boolean live = system.settings().mode() == io.cointrader.config.TradingMode.LIVE;
        // a live account's first recorded day-start equity stands in for the paper account's cash
        java.util.Optional<BigDecimal> start = live
                ? parts.store().firstDayStartEquity()
                : java.util.Optional.of(parts.store()
                        .meta(SystemBuilder.PAPER_CASH_KEY)
                        .map(BigDecimal::new)
                        .orElse(system.settings().paper().initialKrw()));
        out.println();
        out.println((stopped ? "Stopped" : "Finished") + " after " + passes + " pass(es), " + reporter.ticks()
                + " tick(s), at " + ConsoleReporter.time(parts.clock().instant()) + ".");
        out.println("  orders placed " + reporter.count(TickAction.ORDER) + ", blocked "
                + reporter.count(TickAction.BLOCKED) + ", holds " + reporter.count(TickAction.HOLD)
                + ", circuit breaker " + reporter.count(TickAction.CIRCUIT_BREAKER) + ", API failures "
                + reporter.count(TickAction.API_FAILURE) + ", errors " + reporter.count(TickAction.ERROR));
        out.println("  " + passTimes.summary());
        String account = live ? "live account's first day started at " : "paper account started with ";
        out.println("  equity " + Display.krw(equity.setScale(0, java.math.RoundingMode.HALF_EVEN)) + " KRW"
                + start.map(s -> " (" + account + Display.krw(s.setScale(0, java.math.RoundingMode.HALF_EVEN))
                                + " KRW: " + percent(equity.subtract(s), s) + ")")
                        .orElse(""));
        for (Position p : positions) {
            out.println("  holding " + p.symbol() + " " + p.quantity().toPlainString() + " (avg "
                    + Display.krw(p.averagePrice().setScale(0, java.math.RoundingMode.HALF_EVEN)) + ")");
        }
        int open = parts.store().openOrders().size();
        if (open > 0) {
            out.println("  open orders: " + open);
        }
        out.println("  state: " + Display.path(system.settings().storage().dbPath()) + "   logs: "
                + Display.path(system.settings().storage().logDir()) + "/*.jsonl");
        out.flush();
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0.00 %";
        }
        return part.multiply(BigDecimal.valueOf(100))
                        .divide(whole, 2, RoundingMode.HALF_EVEN)
                        .toPlainString() + " %";
    }
}
