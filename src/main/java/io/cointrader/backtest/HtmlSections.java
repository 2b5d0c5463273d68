package io.cointrader.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The static parts of the HTML report: header, tables and notes. Every value is escaped. */
final class HtmlSections {

    static final int TRADE_ROWS = 500;

    private HtmlSections() {}

    static void header(StringBuilder out, BacktestResult result, Fingerprint fingerprint) {
        BacktestSpec spec = result.spec();
        String quote = ReportFormat.quote(spec);
        out.append("<header>\n<h1>백테스트 보고서 <span class=\"en\">(Backtest report)</span></h1>\n")
                .append("<p class=\"note\">모든 시각은 UTC입니다 (all times are UTC).</p>\n")
                .append("<table class=\"spec\"><tbody>\n");
        row(
                out,
                "종목 (symbols)",
                String.join(", ", spec.symbols().stream().map(Object::toString).toList()));
        row(out, "봉 간격 (interval)", interval(spec.interval()));
        row(out, "기간 (window)", spec.from() + " – " + spec.to());
        row(out, "단계 / 캔들 (steps / candles)", result.equity().size() + " / " + result.candles());
        row(out, "데이터 (data source)", spec.dataSource());
        row(out, "초기 자금 (initial cash)", ReportFormat.money(spec.initialCash(), quote));
        row(
                out,
                "수수료율 (fee rate)",
                spec.feeRate().movePointRight(2).stripTrailingZeros().toPlainString() + " %");
        row(
                out,
                "체결 / 주문 (fills / orders)",
                result.fills().size() + " / " + result.orders().size());
        row(out, "실행 시간 (run time)", result.elapsed().toMillis() + " ms");
        row(out, "체결 지문 (fill fingerprint)", fingerprint.hex());
        out.append("</tbody></table>\n");
        settings(out, spec.settings());
        out.append("</header>\n");
    }

    static void metrics(StringBuilder out, Metrics metrics, String quote) {
        out.append("<section id=\"metrics\">\n<h2>성과 <span class=\"en\">(performance)</span></h2>\n")
                .append("<table class=\"metrics\"><thead><tr><th></th>")
                .append("<th>전략 (strategy)</th><th>매수 후 보유 (buy-and-hold)</th></tr></thead><tbody>\n");
        for (MetricRows.Row row : MetricRows.of(metrics, quote)) {
            out.append("<tr><th>")
                    .append(Html.escape(row.korean()))
                    .append(" <span class=\"en\">(")
                    .append(Html.escape(row.english()))
                    .append(")</span></th><td>")
                    .append(Html.escape(row.strategy()))
                    .append("</td><td>")
                    .append(Html.escape(row.buyAndHold()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n<p class=\"note\">");
        if (metrics.annualisedFromShortWindow()) {
            out.append(Html.escape(MetricRows.SHORT_WINDOW_NOTE)).append(". ");
        }
        out.append("Sharpe and Sortino use hourly returns (last equity of each UTC hour), risk-free 0, ")
                .append("annualised with √(24·365). Buy-and-hold splits the initial cash equally across the ")
                .append("symbols at the first price, fee included. Win rate and averages count closed trades ")
                .append("only.</p>\n</section>\n");
    }

    static void counts(StringBuilder out, String id, String title, String emptyText, Map<String, Integer> counts) {
        out.append("<section id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(title)
                .append("</h2>\n");
        if (counts.isEmpty()) {
            out.append("<p class=\"empty\">").append(emptyText).append("</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"counts\"><tbody>\n");
        for (Map.Entry<String, Integer> e : ReportFormat.byCount(counts)) {
            row(out, e.getKey(), e.getValue().toString());
        }
        out.append("</tbody></table>\n</section>\n");
    }

    static void trades(StringBuilder out, List<RoundTrip> trips, String quote) {
        out.append("<section id=\"trades\">\n<h2>거래 목록 <span class=\"en\">(trades)</span></h2>\n");
        if (trips.isEmpty()) {
            out.append("<p class=\"empty\">거래 없음 (no trades)</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"trades\"><thead><tr><th>#</th><th>symbol</th><th>entry (UTC)</th>")
                .append("<th>entry price</th><th>exit (UTC)</th><th>exit price</th><th>quantity</th>")
                .append("<th>pnl</th><th>pnl %</th><th>fees</th><th>status</th></tr></thead><tbody>\n");
        int shown = Math.min(TRADE_ROWS, trips.size());
        for (int i = 0; i < shown; i++) {
            trade(out, i + 1, trips.get(i), quote);
        }
        out.append("</tbody></table>\n");
        if (trips.size() > shown) {
            out.append("<p class=\"note more-trades\">처음 ")
                    .append(shown)
                    .append("건만 표시 (showing the first ")
                    .append(shown)
                    .append(" of ")
                    .append(trips.size())
                    .append(" trades; the trade list CSV has all of them).</p>\n");
        }
        out.append("</section>\n");
    }

    private static void trade(StringBuilder out, int number, RoundTrip t, String quote) {
        String tone = t.pnl().signum() > 0 ? "up" : t.pnl().signum() < 0 ? "down" : "flat";
        out.append("<tr class=\"")
                .append(tone)
                .append(t.isOpen() ? " open" : "")
                .append("\">");
        cell(out, Integer.toString(number));
        cell(out, t.symbol().toString());
        cell(out, time(t.entryTime().toString()));
        cell(out, number(t.entryPrice()));
        cell(out, time(t.exitTime().toString()));
        cell(out, number(t.exitPrice()));
        cell(out, t.quantity().stripTrailingZeros().toPlainString());
        cell(out, ReportFormat.signedMoney(t.pnl(), quote));
        cell(out, ReportFormat.signedPct(t.pnlPct().doubleValue()));
        cell(out, ReportFormat.money(t.fees(), ""));
        cell(out, t.isOpen() ? "보유 중 (open)" : "청산 (closed)");
        out.append("</tr>\n");
    }

    private static void settings(StringBuilder out, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        out.append("<details class=\"settings\" open><summary>설정 (settings)</summary>\n")
                .append("<table class=\"spec\"><tbody>\n");
        new TreeMap<>(settings).forEach((k, v) -> row(out, k, v));
        out.append("</tbody></table></details>\n");
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("<tr><th>")
                .append(Html.escape(label))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static String number(BigDecimal value) {
        return ReportFormat.price(value);
    }

    private static String time(String iso) {
        return iso.replace('T', ' ').replace("Z", "");
    }

    static String interval(Duration d) {
        long s = d.getSeconds();
        if (s > 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
