package io.cointrader.backtest;

import static io.cointrader.backtest.Results.fill;
import static io.cointrader.backtest.Results.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Side;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private final BacktestResult result = Results.builder()
            .cash("1000000")
            .equity(new long[] {hour(0), hour(1), hour(2), hour(3)}, 1_000_000, 990_000, 1_020_000, 1_010_000)
            .series("BTC/KRW", 100_000, 98_000, 103_000, 102_000)
            .fills(
                    fill("BTC/KRW", Side.BUY, "100000", "5", "250", hour(0)),
                    fill("BTC/KRW", Side.SELL, "103000", "2", "103", hour(2)))
            .exposedSteps(4)
            .rejection("MAX_POSITIONS", 2)
            .rejection("DAILY_LOSS_LIMIT", 9)
            .build();

    @Test
    void printsStrategyAndBuyAndHoldInAlignedColumns() {
        String text = ReportText.render(result, Metrics.of(result));
        List<String> lines = Arrays.asList(text.split("\n"));

        String header = lines.get(0);
        int strategyColumn = header.indexOf("strategy");
        int holdColumn = header.indexOf("buy-and-hold");
        assertThat(strategyColumn).isPositive();
        List<String> table = lines.subList(1, lines.indexOf("") < 0 ? lines.size() : lines.indexOf(""));
        assertThat(table).anySatisfy(l -> assertThat(l).startsWith("total return"));
        for (String row : table) {
            if (row.startsWith("*")) {
                continue;
            }
            assertThat(row.charAt(strategyColumn - 1)).as(row).isEqualTo(' ');
            assertThat(row.charAt(strategyColumn)).as(row).isNotEqualTo(' ');
            assertThat(row.charAt(holdColumn)).as(row).isNotEqualTo(' ');
        }
        assertThat(text).contains("total return", "max drawdown", "Sharpe", "Sortino", "win rate", "exposure");
        assertThat(lineStarting(lines, "total return")).contains("+1.00 %");
        assertThat(lineStarting(lines, "exposure")).contains("100.00 %");
        assertThat(lineStarting(lines, "trades")).contains("0 (+1 open)");
        assertThat(text).contains(MetricRows.SHORT_WINDOW_NOTE);
    }

    @Test
    void listsRejectionsLargestFirstThenFeesAndTheFingerprint() {
        String text = ReportText.render(result, Metrics.of(result));

        assertThat(text)
                .containsSubsequence("rejected orders by reason:", "DAILY_LOSS_LIMIT", "9", "MAX_POSITIONS", "2");
        assertThat(text).contains("safety events: none");
        assertThat(text).contains("fees: 353 KRW");
        assertThat(text)
                .endsWith("fingerprint: " + Fingerprint.of(result.fills()).shortHex() + "\n");
        assertThat(text).containsPattern("(?m)^fingerprint: [0-9a-f]{16}$");
    }

    private static String lineStarting(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
