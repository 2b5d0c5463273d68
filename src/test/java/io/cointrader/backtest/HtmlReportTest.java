package io.cointrader.backtest;

import static io.cointrader.backtest.Results.fill;
import static io.cointrader.backtest.Results.hour;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String EVIL = "</script><script>alert('x')</script><!--";
    private static final Pattern SCRIPT =
            Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @Test
    void loadsNothingFromTheNetwork() throws Exception {
        String html = write(SyntheticRun.generate(2000, 3, List.of("BTC/KRW", "ETH/KRW"), Map.of()));

        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=");
        assertThat(html).doesNotContainPattern("(?i)<link[^>]*rel\\s*=\\s*\"?stylesheet");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?(https?:)?//");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyTheInlinedScripts() throws Exception {
        String html = write(SyntheticRun.generate(500, 3, List.of("BTC/KRW"), Map.of()));
        Matcher csp = Pattern.compile("script-src ([^;]+);").matcher(html);
        assertThat(csp.find()).isTrue();

        List<String> hashes = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            if (!script.group(1).contains("application/json")) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(script.group(2).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            }
        }
        assertThat(hashes).hasSize(2);
        assertThat(csp.group(1).trim().split(" ")).containsExactlyInAnyOrderElementsOf(hashes);
        assertThat(html).contains("uPlot");
    }

    @Test
    void aScriptEndTagInASettingOrTheDataSourceCannotBreakOut() throws Exception {
        BacktestResult result = Results.builder()
                .dataSource(EVIL)
                .setting("STRATEGY_NOTE", EVIL)
                .equity(new long[] {hour(0), hour(1), hour(2)}, 1000, 990, 1010)
                .series("BTC/KRW", 100, 99, 101)
                .build();

        String html = write(result);

        Matcher script = SCRIPT.matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
        }
        assertThat(scripts)
                .as("the data, uPlot and the report script, nothing injected")
                .isEqualTo(3);
        assertThat(html).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;!--");
        JsonNode data = new ObjectMapper().readTree(dataBlock(html));
        assertThat(data.path("dataSource").asText()).isEqualTo(EVIL);
    }

    @Test
    void embedsEveryChartSeriesDownsampledAndTheFillsOfEachSymbol() throws Exception {
        BacktestResult result = SyntheticRun.generate(20_000, 5, List.of("BTC/KRW", "ETH/KRW"), Map.of());

        JsonNode data = new ObjectMapper().readTree(dataBlock(write(result)));

        for (String chart : List.of("equity", "drawdown")) {
            JsonNode node = data.path(chart);
            assertThat(node.path("t").size()).isBetween(1000, Downsample.MAX_POINTS);
            assertThat(node.path("strategy").size()).isEqualTo(node.path("t").size());
            assertThat(node.path("buyAndHold").size()).isEqualTo(node.path("t").size());
        }
        double deepest = 0;
        for (JsonNode v : data.path("drawdown").path("strategy")) {
            deepest = Math.min(deepest, v.asDouble());
        }
        assertThat(-deepest)
                .isCloseTo(
                        Metrics.of(result).strategy().maxDrawdownPct(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(data.path("symbols")).hasSize(2);
        JsonNode btc = data.path("symbols").get(0);
        assertThat(btc.path("name").asText()).isEqualTo("BTC/KRW");
        assertThat(btc.path("close").size()).isEqualTo(btc.path("t").size()).isLessThanOrEqualTo(Downsample.MAX_POINTS);
        assertThat(btc.path("fast").get(0).isNull()).as("no EMA before warm-up").isTrue();
        long btcFills = result.fills().stream()
                .filter(f -> f.symbol().base().equals("BTC"))
                .count();
        assertThat(btc.path("fills")).hasSize((int) btcFills);
        assertThat(btc.path("fills").get(0).get(2).asText()).isEqualTo("B");
    }

    @Test
    void showsTheSpecTheMetricsSideBySideAndTheTablesOfCounts() throws Exception {
        BacktestResult result = Results.builder()
                .dataSource("data/candles/KRW-BTC_60m.csv")
                .setting("MAX_POSITIONS", "2")
                .equity(new long[] {hour(0), hour(1), hour(2)}, 1000, 990, 1010)
                .series("BTC/KRW", 100, 99, 101)
                .fills(fill("BTC/KRW", Side.BUY, "100", "1", "0.05", hour(0)))
                .rejection("MAX_POSITIONS", 4)
                .safetyEvent("CIRCUIT_BREAKER", 1)
                .build();

        String html = write(result);

        assertThat(html).contains("<html lang=\"ko\">", "BTC/KRW", "data/candles/KRW-BTC_60m.csv", "MAX_POSITIONS");
        assertThat(html).contains("전략 (strategy)", "매수 후 보유 (buy-and-hold)", "(total return)", "(max drawdown)");
        assertThat(html).contains("UTC", Fingerprint.of(result.fills()).hex());
        assertThat(html).containsPattern("<tr><th>MAX_POSITIONS</th><td>4</td></tr>");
        assertThat(html).containsPattern("<tr><th>CIRCUIT_BREAKER</th><td>1</td></tr>");
        assertThat(html).contains("id=\"chart-equity\"", "id=\"chart-drawdown\"", "id=\"chart-price-0\"");
        assertThat(html).contains("보유 중 (open)");
    }

    @Test
    void theTradeTableStopsAtFiveHundredRowsAndSaysSo() throws Exception {
        List<Fill> fills = new ArrayList<>();
        long[] times = new long[1300];
        double[] values = new double[times.length];
        double[] closes = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = hour(i);
            values[i] = 1000;
            closes[i] = 100;
        }
        for (int i = 0; i < 600; i++) {
            fills.add(fill("BTC/KRW", Side.BUY, "100", "1", "0", hour(2 * i)));
            fills.add(fill("BTC/KRW", Side.SELL, "101", "1", "0", hour(2 * i + 1)));
        }
        BacktestResult result = Results.builder()
                .equity(times, values)
                .series("BTC/KRW", closes)
                .fills(fills.toArray(Fill[]::new))
                .build();

        String html = write(result);

        String trades = html.substring(html.indexOf("<section id=\"trades\">"));
        trades = trades.substring(0, trades.indexOf("</section>"));
        assertThat(trades.split("<tr class=", -1)).hasSize(500 + 1);
        assertThat(trades).contains("showing the first 500 of 600 trades");
    }

    @Test
    void aRunWithoutStepsStillWritesAPage() throws Exception {
        BacktestResult empty = Results.builder().series("BTC/KRW").build();

        String html = write(empty);

        JsonNode data = new ObjectMapper().readTree(dataBlock(html));
        assertThat(data.path("equity").path("t")).isEmpty();
        assertThat(html).contains("거래 없음 (no trades)", "</html>");
    }

    private String write(BacktestResult result) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(result, Metrics.of(result), file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String dataBlock(String html) {
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
