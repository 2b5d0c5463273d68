package io.cointrader.app;

import io.cointrader.broker.PaperBroker;
import io.cointrader.config.ExitSettings;
import io.cointrader.config.OrderSettings;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.execution.CrashHook;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.ExecutionHooks;
import io.cointrader.execution.IntentIds;
import io.cointrader.execution.Reconciler;
import io.cointrader.execution.TradeListener;
import io.cointrader.notify.LogNotifier;
import io.cointrader.risk.RiskLimits;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.CircuitBreaker;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A real tick pipeline (SQLite store, paper broker, risk, safety) around a fake exchange and strategy. */
final class TickHarness implements AutoCloseable {

    final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    final FakeExchange exchange = new FakeExchange(clock);
    final ScriptedStrategy strategy = new ScriptedStrategy();
    final StateStore store;
    final KillSwitch killSwitch;
    final PaperBroker broker;
    final TickProcessor ticks;
    final AdvisorStep advisor;

    /**
     * What a test may change of the pipeline.
     *
     * @param maxPositionSizePct for the planner; the risk limits stay the defaults
     */
    record Options(
            String initialKrw,
            OrderSettings orders,
            ExitSettings exits,
            String maxPositionSizePct,
            Optional<BigDecimal> maxCapital) {

        static Options of(String initialKrw) {
            return new Options(initialKrw, OrderSettings.defaults(), ExitSettings.off(), "10", Optional.empty());
        }

        Options exits(String stopLossPct, String takeProfitPct, String trailingStopPct) {
            return new Options(
                    initialKrw,
                    orders,
                    new ExitSettings(
                            new BigDecimal(stopLossPct),
                            new BigDecimal(takeProfitPct),
                            new BigDecimal(trailingStopPct)),
                    maxPositionSizePct,
                    maxCapital);
        }

        Options capital(String positionSizePct, String cap) {
            return new Options(initialKrw, orders, exits, positionSizePct, Optional.of(new BigDecimal(cap)));
        }
    }

    final SafetyRecorder safety;
    final ExecutionEngine engine;

    TickHarness(Path dir, String initialKrw) {
        this(dir, Options.of(initialKrw));
    }

    TickHarness(Path dir, Options options) {
        this(dir, options, harness -> AdvisorStep.none());
    }

    /** With the advisor step {@code advisor} builds from the harness's clock and store. */
    TickHarness(Path dir, Options options, java.util.function.Function<TickHarness, AdvisorStep> advisor) {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        killSwitch = new KillSwitch(dir.resolve("kill_switch"), clock);
        broker = PaperBroker.fresh("KRW", new BigDecimal(options.initialKrw()), new BigDecimal("0.0005"), clock);
        safety = new SafetyRecorder(store, new LogNotifier());
        ExecutionHooks hooks = new ExecutionHooks(CrashHook.NONE, TradeListener.NONE, Spacings.advancing(clock));
        RiskLimits risk = new RiskLimits(
                BigDecimal.TEN.max(new BigDecimal(options.maxPositionSizePct())),
                5,
                BigDecimal.valueOf(5),
                1,
                100,
                50,
                false,
                false,
                1,
                options.maxCapital());
        engine = new ExecutionEngine(
                broker, new RiskManager(risk), store, killSwitch, safety, new IntentIds("test"), clock, hooks);
        AnomalyMonitor anomalies =
                new AnomalyMonitor(5, new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("1.0"), clock);
        TradingParts parts = new TradingParts(
                exchange,
                strategy,
                engine,
                new Reconciler(broker, store, safety, clock),
                broker,
                store,
                killSwitch,
                anomalies,
                new CircuitBreaker(new BigDecimal("15")),
                safety,
                this.advisor = advisor.apply(this),
                new EntryBlock(),
                new OrderTimeouts(options.orders(), engine, store, clock),
                new ExitPlanner(new ProtectiveExits(options.exits(), store), store),
                clock);
        ticks = new TickProcessor(
                parts,
                new OrderPlanner(new BigDecimal(options.maxPositionSizePct()), options.maxCapital()),
                new PairRules(PairRules.Source.table(), java.util.List.of(), clock),
                new Portfolio("KRW"),
                new Journals());
    }

    @Override
    public void close() {
        advisor.close();
        store.close();
    }
}
