package io.cointrader.backtest;

import java.util.List;
import java.util.Map;

/**
 * The summary {@code trader backtest} prints: strategy and buy-and-hold side by side in aligned
 * columns, then rejections by reason, safety events, fees and the fill fingerprint.
 */
public final class ReportText {

    private static final String GAP = "   ";

    private ReportText() {}

    public static String render(BacktestResult result, Metrics metrics) {
        String quote = ReportFormat.quote(result.spec());
        List<MetricRows.Row> rows = MetricRows.of(metrics, quote);
        int labelWidth = 0;
        int strategyWidth = "strategy".length();
        for (MetricRows.Row row : rows) {
            labelWidth = Math.max(labelWidth, row.english().length());
            strategyWidth = Math.max(strategyWidth, row.strategy().length());
        }
        StringBuilder out = new StringBuilder();
        out.append(pad("", labelWidth))
                .append(GAP)
                .append(pad("strategy", strategyWidth))
                .append(GAP)
                .append("buy-and-hold\n");
        for (MetricRows.Row row : rows) {
            out.append(pad(row.english(), labelWidth))
                    .append(GAP)
                    .append(pad(row.strategy(), strategyWidth))
                    .append(GAP)
                    .append(row.buyAndHold())
                    .append('\n');
        }
        if (metrics.annualisedFromShortWindow()) {
            out.append(MetricRows.SHORT_WINDOW_NOTE).append('\n');
        }
        counts(out, "rejected orders by reason", metrics.rejections());
        counts(out, "safety events", metrics.safetyEvents());
        out.append("\nfees: ")
                .append(ReportFormat.money(metrics.feesPaid(), quote))
                .append('\n');
        out.append("fingerprint: ")
                .append(Fingerprint.of(result.fills()).shortHex())
                .append('\n');
        return out.toString();
    }

    private static void counts(StringBuilder out, String title, Map<String, Integer> counts) {
        out.append('\n').append(title).append(':');
        if (counts.isEmpty()) {
            out.append(" none\n");
            return;
        }
        out.append('\n');
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Integer> e : ReportFormat.byCount(counts)) {
            out.append("  ")
                    .append(pad(e.getKey(), width))
                    .append(GAP)
                    .append(e.getValue())
                    .append('\n');
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
