package io.cointrader.app;

import io.cointrader.core.Order;
import io.cointrader.core.SafetyEvent;
import io.cointrader.web.view.AccountBreakdown;
import io.cointrader.web.view.CurrencyHolding;
import io.cointrader.web.view.DayPnl;
import io.cointrader.web.view.ValuedPosition;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The sections of {@code trader status}, one line per item, times in KST: balances, the trader's
 * positions, dust and holdings it does not manage apart, equity, the day's PnL, open orders and safety
 * events.
 */
final class StatusReport {

    private static final String NONE = "  none";

    private final PrintWriter out;
    private final String quote;
    private final Instant now;

    /**
     * @param quote the currency the account is valued in
     * @param now the trading clock (the replay clock on replay), for the ages of orders and "today"
     */
    StatusReport(PrintWriter out, String quote, Instant now) {
        this.out = out;
        this.quote = quote;
        this.now = now;
    }

    /** Balances, positions, dust, external holdings, equity and the day's PnL of {@code account}. */
    void account(AccountBreakdown account, boolean live, BigDecimal dustBelow) {
        out.println(
                live
                        ? "balances on the exchange (every currency it holds, also coins the trader did not buy):"
                        : "balances of the paper account:");
        List<CurrencyHolding> currencies = account.currencies().stream()
                .sorted(Comparator.comparing(
                        (CurrencyHolding c) -> !c.currency().equalsIgnoreCase(quote)))
                .toList();
        for (CurrencyHolding c : currencies) {
            out.println("  " + pad(c.currency(), 6) + " free "
                    + amount(c.currency(), c.balance().free())
                    + ", locked " + amount(c.currency(), c.balance().locked()) + ", total "
                    + amount(c.currency(), c.balance().total()));
        }
        if (account.currencies().isEmpty()) {
            out.println(NONE);
        }
        out.println("the trader's positions (what its own buys hold; value at the last price):");
        positions(account.tradable());
        if (!account.dust().isEmpty()) {
            out.println("dust (worth less than the " + krw(dustBelow) + " " + quote
                    + " minimum order: counted in equity, never sold, no position for new buys):");
            positions(account.dust());
        }
        if (!account.external().isEmpty()) {
            out.println("not managed by the trader (held on the exchange but not bought by it:"
                    + " never traded, not in equity):");
            account.external().forEach(this::external);
        }
        out.println("equity: " + krw(account.snapshot().equity()) + " " + quote + " (" + quote
                + " plus the trader's positions at the last price)");
    }

    /** The PnL of the day of the account's snapshot, named "today" when that is the day of {@code now}. */
    void dayPnl(DayPnl pnl) {
        boolean today = pnl.day().equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        String label = today
                ? "today's PnL (UTC day " + pnl.day() + ", from 09:00 KST): "
                : "PnL of UTC day " + pnl.day() + " (the day of the last tick; none has run today): ";
        if (pnl.amount() == null) {
            out.println(label + "unknown (no equity was recorded at the start of that day)");
            return;
        }
        out.println(label + signed(pnl.amount()) + " " + quote + " (" + signedPct(pnl.percent()) + ") from "
                + krw(pnl.dayStart()) + " " + quote + " at the start of the day");
    }

    void openOrders(List<Order> orders) {
        out.println("open orders:");
        for (Order o : orders) {
            String price = o.price() == null ? "market" : Display.krw(o.price());
            String reason = o.statusReason() == null ? "" : ": " + o.statusReason();
            out.println("  " + o.side() + " " + o.symbol() + " " + plain(o.quantity()) + " @ " + price + ", filled "
                    + plain(o.filledQuantity()) + ", " + o.status() + ", placed " + ConsoleReporter.time(o.createdAt())
                    + " (" + age(Duration.between(o.createdAt(), now)) + " ago) ["
                    + o.clientOrderId() + "]" + reason);
        }
        if (orders.isEmpty()) {
            out.println(NONE);
        }
    }

    void safetyEvents(List<SafetyEvent> events) {
        out.println("recent safety events:");
        for (SafetyEvent e : events) {
            out.println("  " + ConsoleReporter.time(e.time()) + " " + e.severity() + " " + e.type()
                    + (e.symbol() == null ? "" : " " + e.symbol()) + ": " + e.message());
        }
        if (events.isEmpty()) {
            out.println(NONE);
        }
    }

    private void positions(List<ValuedPosition> positions) {
        for (ValuedPosition p : positions) {
            String at = p.priceTime() == null
                    ? "at its average price (no tick yet)"
                    : "at " + Display.krw(p.price()) + " (" + ConsoleReporter.time(p.priceTime()) + ")";
            String pct = p.unrealizedPct() == null ? "" : " (" + signedPct(p.unrealizedPct()) + ")";
            out.println("  " + p.position().symbol() + " " + plain(p.position().quantity()) + " @ avg "
                    + Display.krw(p.position().averagePrice()) + ": worth " + krw(p.value()) + " " + quote + " "
                    + at + ", unrealised " + signed(p.unrealized()) + " " + quote + pct);
        }
        if (positions.isEmpty()) {
            out.println(NONE);
        }
    }

    private void external(CurrencyHolding c) {
        String value = c.externalValue() == null
                ? "no price known (the trader has no tick of " + c.currency() + "/" + quote + ")"
                : "worth " + krw(c.externalValue()) + " " + quote + " at " + Display.krw(c.price()) + " ("
                        + ConsoleReporter.time(c.priceTime()) + ")";
        out.println("  " + pad(c.currency(), 6) + " " + plain(c.external()) + " of "
                + plain(c.balance().total()) + ": " + value);
    }

    /** Days past two days, where hours alone get hard to read. */
    private static String age(Duration age) {
        long days = age.toDays();
        return days >= 2 ? days + " d " + age.toHoursPart() + " h" : Durations.shortText(age);
    }

    private String amount(String currency, BigDecimal value) {
        return currency.equalsIgnoreCase(quote) ? krw(value) : plain(value);
    }

    /** Whole won, as the exchange settles them. */
    private static String krw(BigDecimal value) {
        return Display.krw(value.setScale(0, RoundingMode.HALF_EVEN));
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + krw(value);
    }

    private static String signedPct(String percent) {
        return (percent.startsWith("-") || new BigDecimal(percent).signum() == 0 ? "" : "+") + percent + "%";
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
