package io.cointrader.backtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;

/** The two baselines decide and trade alike on the bundled 132k candles. */
class BareLoopVersusTa4jTest {

    private static final int FIRST_DECISION = BareLoop.MIN_CANDLES - 1;

    private static BenchData data;
    private static BarSeries series;
    private static TraceRecorder trace;

    @BeforeAll
    static void runBoth() {
        data = BenchData.load(BenchData.FILE);
        series = Ta4jBaseline.series(data);
        trace = new TraceRecorder(data.size());
        BareLoop.run(data, trace);
    }

    @Test
    void seriesHoldsTheSameCandles() {
        assertThat(series.getBarCount()).isEqualTo(data.size());
        int last = data.size() - 1;
        assertThat(series.getBar(last).getClosePrice().doubleValue()).isEqualTo(data.close()[last]);
        assertThat(series.getBar(last).getBeginTime().toEpochSecond()).isEqualTo(data.openTime()[last]);
    }

    @Test
    void buyAndSellOnEveryCandleEqualTa4jEntryAndExitRules() {
        Ta4jBaseline.Rules rules = Ta4jBaseline.rules(series);
        List<String> firstDifferences = new ArrayList<>();
        int differences = 0;
        int buys = 0;
        int sells = 0;
        for (int i = FIRST_DECISION; i < data.size(); i++) {
            boolean entry = rules.entry().isSatisfied(i, null);
            boolean exit = rules.exit().isSatisfied(i, null);
            int decision = trace.decision[i];
            buys += decision == BareLoop.BUY ? 1 : 0;
            sells += decision == BareLoop.SELL ? 1 : 0;
            if (entry != (decision == BareLoop.BUY) || exit != (decision == BareLoop.SELL)) {
                if (differences++ < 10) {
                    firstDifferences.add(
                            "candle " + i + ": bare loop " + decision + ", ta4j entry " + entry + " exit " + exit);
                }
            }
        }
        assertThat(buys).as("BUY candles").isGreaterThan(1000);
        assertThat(sells).as("SELL candles").isGreaterThan(1000);
        assertThat(differences)
                .as("candles whose decision differs from ta4j, the first ones: %s", firstDifferences)
                .isZero();
    }

    @Test
    void fillsEqualTa4jTrades() {
        TradingRecord record = Ta4jBaseline.run(series);
        List<String> ta4j = new ArrayList<>();
        for (Trade trade : record.getTrades()) {
            ta4j.add(trade.getIndex() + (trade.isBuy() ? " BUY" : " SELL"));
            assertThat(trade.getPricePerAsset().doubleValue()).isEqualTo(data.close()[trade.getIndex()]);
        }
        List<String> bare = new ArrayList<>();
        for (TraceRecorder.Fill fill : trace.fills) {
            bare.add(fill.index() + (fill.side() == BareLoop.BUY ? " BUY" : " SELL"));
        }
        assertThat(bare).hasSizeGreaterThan(100).containsExactlyElementsOf(ta4j);
    }

    @Test
    void freshRulesGiveTheSameTradesAgain() {
        TradingRecord first = Ta4jBaseline.run(series);
        TradingRecord second = Ta4jBaseline.run(series);
        assertThat(second.getTrades()).hasSameSizeAs(first.getTrades());
        assertThat(second.getLastTrade().getIndex())
                .isEqualTo(first.getLastTrade().getIndex());
    }
}
