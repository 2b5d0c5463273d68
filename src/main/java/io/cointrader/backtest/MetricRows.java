package io.cointrader.backtest;

import java.math.BigDecimal;
import java.util.List;

/** The rows of the strategy versus buy-and-hold table, formatted, for the terminal and the page. */
final class MetricRows {

    /** One row; {@code korean} is the label on the page, next to the English one. */
    record Row(String english, String korean, String strategy, String buyAndHold) {}

    static final String DASH = "-";
    static final String SHORT_WINDOW_NOTE = "* annualised from less than a year of data";

    private MetricRows() {}

    static List<Row> of(Metrics m, String quote) {
        Performance s = m.strategy();
        Performance b = m.buyAndHold();
        TradeStats t = m.trades();
        String cagr = m.annualisedFromShortWindow() ? "CAGR *" : "CAGR";
        return List.of(
                new Row(
                        "total return",
                        "총 수익률",
                        ReportFormat.signedPct(s.totalReturnPct()),
                        ReportFormat.signedPct(b.totalReturnPct())),
                new Row(cagr, "연평균 수익률", ReportFormat.signedPct(s.cagrPct()), ReportFormat.signedPct(b.cagrPct())),
                new Row("max drawdown", "최대 낙폭", drawdown(s), drawdown(b)),
                new Row(
                        "longest drawdown",
                        "최장 낙폭 기간",
                        ReportFormat.duration(s.longestDrawdown()),
                        ReportFormat.duration(b.longestDrawdown())),
                new Row(
                        "Sharpe (hourly, annualised)",
                        "샤프 지수",
                        ReportFormat.ratio(s.sharpe()),
                        ReportFormat.ratio(b.sharpe())),
                new Row(
                        "Sortino (hourly, annualised)",
                        "소르티노 지수",
                        ReportFormat.ratio(s.sortino()),
                        ReportFormat.ratio(b.sortino())),
                new Row(
                        "final equity",
                        "최종 자산",
                        ReportFormat.money(s.finalEquity(), quote),
                        ReportFormat.money(b.finalEquity(), quote)),
                new Row("fees paid", "수수료", ReportFormat.money(s.fees(), quote), ReportFormat.money(b.fees(), quote)),
                new Row("trades (closed)", "거래 수 (청산)", trades(t), DASH),
                new Row("win rate", "승률", ReportFormat.pct(t.winRatePct()), DASH),
                new Row("average win", "평균 이익", average(t.wins(), t.averageWin(), t.averageWinPct(), quote), DASH),
                new Row("average loss", "평균 손실", average(t.losses(), t.averageLoss(), t.averageLossPct(), quote), DASH),
                new Row("profit factor", "손익비", ReportFormat.ratio(t.profitFactor()), DASH),
                new Row("exposure", "보유 시간 비율", ReportFormat.pct(m.exposurePct()), "100.00 %"),
                new Row("rejected orders", "거부된 주문", Integer.toString(m.rejectedOrders()), DASH));
    }

    private static String drawdown(Performance p) {
        return p.maxDrawdownPct() == 0 ? "0.00 %" : ReportFormat.signedPct(-p.maxDrawdownPct());
    }

    private static String trades(TradeStats t) {
        return t.open() == 0 ? Integer.toString(t.closed()) : t.closed() + " (+" + t.open() + " open)";
    }

    private static String average(int count, BigDecimal amount, double pct, String quote) {
        if (count == 0) {
            return ReportFormat.NONE;
        }
        return ReportFormat.signedMoney(amount, quote) + " (" + ReportFormat.signedPct(pct) + ")";
    }
}
