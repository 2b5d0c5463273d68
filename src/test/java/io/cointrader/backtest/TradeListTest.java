package io.cointrader.backtest;

import static io.cointrader.backtest.Results.fill;
import static io.cointrader.backtest.Results.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeListTest {

    @TempDir
    Path dir;

    @Test
    void theCsvParsesBackToTheRoundTrips() throws Exception {
        BacktestResult result = Results.builder()
                .equity(new long[] {hour(0), hour(9)}, 1000, 1000)
                .series("BTC/KRW", 100_000_000, 150_000_000)
                .series("DOGE/KRW", 0.5, 0.00012)
                .fills(
                        fill("BTC/KRW", Side.BUY, "100000000", "0.00000001", "0.0000005", hour(1)),
                        fill("BTC/KRW", Side.SELL, "120000000", "0.00000001", "0.0000006", hour(2)),
                        fill("DOGE/KRW", Side.BUY, "0.0001", "12345678.9", "0.00061728", hour(3)))
                .build();
        Path file = dir.resolve("trades.csv");

        TradeList.write(result, file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("symbol,entry_time,entry_price,exit_time,exit_price,quantity,pnl,pnl_pct,fees,status");
        assertThat(lines).hasSize(3);
        List<RoundTrip> trips = Metrics.of(result).roundTrips();
        for (int i = 0; i < trips.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            RoundTrip t = trips.get(i);
            assertThat(cells).hasSize(10);
            assertThat(cells[0]).isEqualTo(t.symbol().toString());
            assertThat(Instant.parse(cells[1])).isEqualTo(t.entryTime());
            assertThat(new BigDecimal(cells[2])).isEqualByComparingTo(t.entryPrice());
            assertThat(Instant.parse(cells[3])).isEqualTo(t.exitTime());
            assertThat(new BigDecimal(cells[4])).isEqualByComparingTo(t.exitPrice());
            assertThat(new BigDecimal(cells[5])).isEqualByComparingTo(t.quantity());
            assertThat(new BigDecimal(cells[6])).isEqualByComparingTo(t.pnl());
            assertThat(new BigDecimal(cells[7])).isEqualByComparingTo(t.pnlPct());
            assertThat(new BigDecimal(cells[8])).isEqualByComparingTo(t.fees());
            assertThat(RoundTrip.Status.valueOf(cells[9])).isEqualTo(t.status());
        }
        assertThat(lines.get(1))
                .startsWith("BTC/KRW,2024-01-01T01:00:00Z,100000000,2024-01-01T02:00:00Z,120000000,0.00000001,");
        assertThat(lines.get(2))
                .startsWith("DOGE/KRW,2024-01-01T03:00:00Z,0.0001,2024-01-01T09:00:00Z,0.00012,")
                .endsWith(",OPEN");
        assertThat(String.join("\n", lines)).as("no exponent anywhere").doesNotContain("E-", "E+", "e-");
    }

    @Test
    void aRunWithoutFillsWritesOnlyTheHeader() throws Exception {
        Path file = dir.resolve("none.csv");

        TradeList.write(Results.builder().equity(new long[] {hour(0)}, 1000).build(), file);

        assertThat(Files.readString(file)).isEqualTo(TradeList.HEADER + "\n");
    }

    @Test
    void aSyntheticRunListsEveryBuyAsTheStartOfATrade() throws Exception {
        BacktestResult result = SyntheticRun.generate(3000, 7, List.of("BTC/KRW", "ETH/KRW"), Map.of());
        Path file = dir.resolve("synthetic.csv");

        TradeList.write(result, file);

        long buys = result.fills().stream().filter(f -> f.side() == Side.BUY).count();
        assertThat(buys).isGreaterThan(10);
        assertThat(Files.readAllLines(file)).hasSize((int) buys + 1);
    }
}
