package io.cointrader.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The backtest as one self-contained HTML file: spec and settings, strategy versus buy-and-hold,
 * equity and drawdown charts, a price chart per symbol with both EMAs and the fills (buys ▲ red,
 * sells ▼ blue, as on Korean exchanges), rejections, safety events and the trades. uPlot and the
 * chart data are inlined, and a Content-Security-Policy allows only the page's own scripts by hash,
 * so the file opens offline and cannot load or send anything.
 */
public final class HtmlReport {

    private HtmlReport() {}

    /** Writes the report to {@code file}, replacing it. */
    public static void write(BacktestResult result, Metrics metrics, Path file) {
        try {
            Files.writeString(file, render(result, metrics), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }

    static String render(BacktestResult result, Metrics metrics) {
        ReportAssets assets = ReportAssets.load();
        String quote = ReportFormat.quote(result.spec());
        StringBuilder out = new StringBuilder(256 * 1024);
        head(out, result, assets);
        HtmlSections.header(out, result, Fingerprint.of(result.fills()));
        out.append("<main>\n");
        HtmlSections.metrics(out, metrics, quote);
        charts(out, result);
        HtmlSections.counts(
                out,
                "rejections",
                "리스크 거부 <span class=\"en\">(risk rejections by reason)</span>",
                "거부 없음 (none)",
                metrics.rejections());
        HtmlSections.counts(
                out,
                "safety-events",
                "안전 이벤트 <span class=\"en\">(safety events)</span>",
                "이벤트 없음 (none)",
                metrics.safetyEvents());
        HtmlSections.trades(out, metrics.roundTrips(), quote);
        out.append("</main>\n");
        out.append("<script type=\"application/json\" id=\"report-data\">")
                .append(Html.scriptSafeJson(chartJson(result)))
                .append("</script>\n");
        out.append("<script>").append(assets.uplotJs()).append("</script>\n");
        out.append("<script>").append(assets.reportJs()).append("</script>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void head(StringBuilder out, BacktestResult result, ReportAssets assets) {
        String csp = "default-src 'none'; script-src "
                + hash(assets.uplotJs()) + " " + hash(assets.reportJs())
                + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
        List<String> symbols =
                result.spec().symbols().stream().map(Object::toString).toList();
        out.append("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(csp)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>백테스트 보고서 (Backtest report) ")
                .append(Html.escape(String.join(", ", symbols)))
                .append("</title>\n")
                .append("<style>")
                .append(assets.uplotCss())
                .append("</style>\n")
                .append("<style>")
                .append(assets.reportCss())
                .append("</style>\n")
                .append("</head>\n<body>\n");
    }

    private static void charts(StringBuilder out, BacktestResult result) {
        out.append("<section id=\"charts\">\n")
                .append("<h2>자산 곡선 <span class=\"en\">(equity: strategy vs buy-and-hold)</span></h2>\n")
                .append("<div class=\"chart\" id=\"chart-equity\"></div>\n")
                .append("<h2>낙폭 <span class=\"en\">(drawdown from the running peak, %)</span></h2>\n")
                .append("<div class=\"chart\" id=\"chart-drawdown\"></div>\n");
        List<SymbolSeries> series = result.series();
        for (int i = 0; i < series.size(); i++) {
            out.append("<h2>")
                    .append(Html.escape(series.get(i).symbol().toString()))
                    .append(" 가격 <span class=\"en\">(close, fast EMA, slow EMA, fills)</span></h2>\n")
                    .append("<p class=\"legend\"><span class=\"buy\">▲ 매수 (buy)</span> ")
                    .append("<span class=\"sell\">▼ 매도 (sell)</span></p>\n")
                    .append("<div class=\"chart price\" id=\"chart-price-")
                    .append(i)
                    .append("\" data-symbol-index=\"")
                    .append(i)
                    .append("\"></div>\n");
        }
        out.append("</section>\n");
    }

    private static String chartJson(BacktestResult result) {
        ObjectMapper json = new ObjectMapper();
        try {
            return json.writeValueAsString(ReportData.of(result, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart data", e);
        }
    }

    /** A CSP source for an inline script: its SHA-256, Base64. */
    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
