package io.cointrader.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Number, money and duration formats shared by the terminal summary and the HTML report. */
final class ReportFormat {

    static final String NONE = "n/a";

    private ReportFormat() {}

    /** A signed percentage with two decimals, {@code n/a} when undefined. */
    static String signedPct(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%+.2f %%", value);
    }

    static String pct(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%.2f %%", value);
    }

    /** A ratio with two decimals; {@code inf} for an infinite one, {@code n/a} when undefined. */
    static String ratio(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** An amount with digit grouping and at most two decimals, then the currency. */
    static String money(BigDecimal amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        String text = format.format(amount);
        return currency.isEmpty() ? text : text + " " + currency;
    }

    /** A price or quantity: digit grouping and up to eight decimals, as Upbit quotes them. */
    static String price(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    static String signedMoney(BigDecimal amount, String currency) {
        String text = money(amount, currency);
        return amount.signum() > 0 ? "+" + text : text;
    }

    /** Days and hours, or hours and minutes below a day; {@code 0} for none. */
    static String duration(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long days = d.toDays();
        if (days > 0) {
            return days + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    /** The entries by count, largest first, then by name. */
    static List<Map.Entry<String, Integer>> byCount(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }

    /** The quote currency of the first symbol, or nothing when there is none. */
    static String quote(BacktestSpec spec) {
        return spec.symbols().isEmpty() ? "" : spec.symbols().get(0).quote();
    }
}
