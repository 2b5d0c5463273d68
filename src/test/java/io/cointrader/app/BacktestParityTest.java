package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.backtest.BacktestResult;
import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.Fill;
import io.cointrader.core.Order;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.logging.Redactor;
import io.cointrader.state.StateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay loop stepped on candle closes and the backtest over the same window place the same orders
 * and get the same fills, with the same risk rejections and safety events: the backtest is the loop,
 * not a second implementation of its rules. Tight limits make every path of the pipeline happen.
 */
class BacktestParityTest {

    private static final String FROM = "2025-10-21T00:00:00Z";
    private static final String TO = "2025-11-30T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void backtestPlacesTheOrdersAndGetsTheFillsOfTheReplayLoop() throws InterruptedException {
        Map<String, String> env = environment();
        Loop loop = runLoop(settings(env));
        BacktestResult backtest = BacktestCommand.backtest(
                settings(env),
                new BacktestCommand.Options(
                        Optional.of(FROM), Optional.of(TO), "60m", Optional.empty(), dir.resolve("reports")),
                io.cointrader.candles.CandleDownloader.ProgressFactory.NONE);

        assertThat(loop.orders).hasSizeGreaterThan(20);
        assertThat(orders(backtest.orders())).containsExactlyElementsOf(loop.orders);
        assertThat(fills(backtest.fills())).containsExactlyElementsOf(loop.fills);
        assertThat(backtest.rejections()).isEqualTo(loop.rejections).containsKeys("MAX_POSITIONS", "DAILY_LOSS");
        assertThat(backtest.safetyEvents()).isEqualTo(loop.safetyEvents).containsKeys("PRICE_ANOMALY");
        assertThat(backtest.finalEquity()).isEqualByComparingTo(loop.finalEquity);
        double[] curve = backtest.equity().values();
        assertThat(curve[curve.length - 1])
                .isCloseTo(loop.finalEquity.doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void restingOrdersOffTheTickGridFillAlikeOnBothPaths() throws Exception {
        Map<String, String> env = offGridEnvironment();
        env.put("BUY_ORDER_TIMEOUT_SEC", "86400");
        env.put("SELL_ORDER_TIMEOUT_SEC", "86400");
        Loop loop = runLoop(settings(env));
        BacktestResult backtest = offGridBacktest(env);

        List<String> placedAt =
                loop.orders.stream().map(BacktestParityTest::lastWord).toList();
        assertThat(loop.fills).isNotEmpty();
        assertThat(loop.fills.stream().map(BacktestParityTest::lastWord))
                .as("some orders rested before they filled")
                .anyMatch(time -> !placedAt.contains(time));
        assertThat(orders(backtest.orders())).containsExactlyElementsOf(loop.orders);
        assertThat(fills(backtest.fills())).containsExactlyElementsOf(loop.fills);
        assertThat(backtest.finalEquity()).isEqualByComparingTo(loop.finalEquity);
    }

    @Test
    void timeoutsSellsPlacedAgainAndProtectiveExitsHappenAlikeOnBothPaths() throws Exception {
        Map<String, String> env = offGridEnvironment();
        env.put("BUY_ORDER_TIMEOUT_SEC", "7200");
        env.put("SELL_ORDER_TIMEOUT_SEC", "3600");
        env.put("STOP_LOSS_PCT", "2");
        env.put("TAKE_PROFIT_PCT", "3");
        env.put("TRAILING_STOP_PCT", "1.5");
        Loop loop = runLoop(settings(env));
        BacktestResult backtest = offGridBacktest(env);

        assertThat(loop.orders).anyMatch(o -> o.contains("cancelled: timeout: BUY"));
        assertThat(loop.orders).anyMatch(o -> o.contains("cancelled: timeout: SELL"));
        assertThat(loop.orders).anyMatch(o -> o.contains("|attempt-2 "));
        assertThat(loop.orders).anyMatch(o -> o.contains("|stop-loss") || o.contains("|trailing-stop"));
        assertThat(orders(backtest.orders())).containsExactlyElementsOf(loop.orders);
        assertThat(fills(backtest.fills())).containsExactlyElementsOf(loop.fills);
        assertThat(backtest.rejections()).isEqualTo(loop.rejections);
        assertThat(backtest.safetyEvents()).isEqualTo(loop.safetyEvents);
        assertThat(backtest.finalEquity()).isEqualByComparingTo(loop.finalEquity);
    }

    private Map<String, String> offGridEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("EXCHANGE", "replay");
        env.put("REPLAY_DATA_DIR", offGridData().toString());
        env.put("TRADING_SYMBOLS", "BTC/KRW");
        env.put("REPLAY_FROM", "2024-10-03T00:00:00Z");
        env.put("REPLAY_TO", "2024-11-30T00:00:00Z");
        env.put("DB_PATH", dir.resolve("offgrid.db").toString());
        env.put("KILL_SWITCH_FILE", dir.resolve("kill").toString());
        env.put("LOG_DIR", dir.resolve("logs").toString());
        return env;
    }

    private Path offGridData() throws Exception {
        return Path.of(getClass()
                        .getResource("/backtest/offgrid/KRW-BTC_60m.csv")
                        .toURI())
                .getParent();
    }

    private BacktestResult offGridBacktest(Map<String, String> env) throws Exception {
        return BacktestCommand.backtest(
                settings(env),
                new BacktestCommand.Options(
                        Optional.of("2024-10-03T00:00:00Z"),
                        Optional.of("2024-11-30T00:00:00Z"),
                        "60m",
                        Optional.of(offGridData()),
                        dir.resolve("reports")),
                io.cointrader.candles.CandleDownloader.ProgressFactory.NONE);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("EXCHANGE", "replay");
        env.put("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW,XRP/KRW,SOL/KRW");
        env.put("REPLAY_FROM", FROM);
        env.put("REPLAY_TO", TO);
        env.put("MAX_POSITIONS", "2");
        env.put("MAX_POSITION_SIZE_PCT", "20");
        env.put("DAILY_MAX_DRAWDOWN_PCT", "0.5");
        env.put("PRICE_ANOMALY_PCT", "3");
        env.put("CIRCUIT_BREAKER_THRESHOLD_PCT", "6");
        env.put("DB_PATH", dir.resolve("loop.db").toString());
        env.put("KILL_SWITCH_FILE", dir.resolve("kill").toString());
        env.put("LOG_DIR", dir.resolve("logs").toString());
        return env;
    }

    private Settings settings(Map<String, String> env) {
        return SettingsLoader.load(Map.of(), env, dir).settings();
    }

    private record Loop(
            List<String> orders,
            List<String> fills,
            Map<String, Integer> rejections,
            Map<String, Integer> safetyEvents,
            java.math.BigDecimal finalEquity) {}

    private static Loop runLoop(Settings settings) throws InterruptedException {
        try (TradingSystem system = SystemBuilder.build(settings, Redactor.withSecrets(List.of()), line -> {})) {
            new TradingSession(settings, new PrintWriter(new StringWriter()), false)
                    .trade(system, new StopSignal(), false);
            StateStore store = system.parts().store();
            List<Order> orders = new ArrayList<>(store.recentOrders(100_000, 0));
            Collections.reverse(orders);
            Map<String, Integer> rejections = new TreeMap<>();
            for (RiskDecisionRecord d : store.recentRiskDecisions(100_000)) {
                if (!d.approved()) {
                    rejections.merge(d.check(), 1, Integer::sum);
                }
            }
            Map<String, Integer> events = new TreeMap<>();
            store.recentSafetyEvents(100_000).forEach(e -> events.merge(e.type().name(), 1, Integer::sum));
            var broker = system.parts().broker();
            return new Loop(
                    orders(orders),
                    fills(store.allFills()),
                    rejections,
                    events,
                    system.portfolio().equity(broker.balances(), broker.positions()));
        }
    }

    private static String lastWord(String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private static List<String> orders(List<Order> orders) {
        return orders.stream()
                .map(o -> o.intentId() + " " + o.type() + " " + o.price().toPlainString() + " "
                        + o.quantity().toPlainString() + " "
                        + o.filledQuantity().toPlainString() + " " + o.status() + " " + o.statusReason()
                        + " " + o.createdAt())
                .toList();
    }

    private static List<String> fills(List<Fill> fills) {
        return fills.stream()
                .map(f -> f.symbol() + " " + f.side() + " " + f.price().toPlainString() + " "
                        + f.quantity().toPlainString() + " " + f.fee().toPlainString() + " " + f.time())
                .toList();
    }
}
