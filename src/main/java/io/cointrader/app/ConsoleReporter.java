package io.cointrader.app;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Prints one short line per tick (times in KST) and counts outcomes for the run summary. */
final class ConsoleReporter implements Consumer<TickReport> {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(KST);

    private final PrintWriter out;
    private final Map<TickAction, Integer> counts = new EnumMap<>(TickAction.class);
    private long ticks;

    ConsoleReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(TickReport report) {
        ticks++;
        counts.merge(report.action(), 1, Integer::sum);
        String signal = report.signal() == null
                ? "-"
                : report.signal().type()
                        + (report.signal().type().name().equals("HOLD")
                                ? ""
                                : String.format(
                                        Locale.ROOT, "(%.2f)", report.signal().confidence()));
        out.printf(
                Locale.ROOT,
                "%s KST  %-9s %15s  %-10s %-15s %s%n",
                report.time() == null ? "----------------" : TIME.format(report.time()),
                report.symbol(),
                Display.krw(report.price()),
                signal,
                report.action(),
                report.detail());
        out.flush();
    }

    long ticks() {
        return ticks;
    }

    int count(TickAction action) {
        return counts.getOrDefault(action, 0);
    }

    static String time(java.time.Instant instant) {
        return TIME.format(instant) + " KST";
    }
}
