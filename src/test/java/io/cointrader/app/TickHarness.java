package io.cointrader.app;

import io.cointrader.broker.PaperBroker;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.IntentIds;
import io.cointrader.execution.Reconciler;
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

/** A real tick pipeline (SQLite store, paper broker, risk, safety) around a fake exchange and strategy. */
final class TickHarness implements AutoCloseable {

    final ReplayClock clock = new ReplayClock(Instant.parse("2025-10-21T10:30:00Z"));
    final FakeExchange exchange = new FakeExchange(clock);
    final ScriptedStrategy strategy = new ScriptedStrategy();
    final StateStore store;
    final KillSwitch killSwitch;
    final PaperBroker broker;
    final TickProcessor ticks;

    TickHarness(Path dir, String initialKrw) {
        store = SqliteStateStore.open(dir.resolve("state.db"));
        killSwitch = new KillSwitch(dir.resolve("kill_switch"), clock);
        broker = PaperBroker.fresh("KRW", new BigDecimal(initialKrw), new BigDecimal("0.0005"), clock);
        SafetyRecorder safety = new SafetyRecorder(store, new LogNotifier());
        ExecutionEngine engine = new ExecutionEngine(
                broker,
                new RiskManager(RiskLimits.defaults()),
                store,
                killSwitch,
                safety,
                new IntentIds("test"),
                clock);
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
                AdvisorStep.none(store, clock),
                new EntryBlock(),
                new OrderTimeouts(io.cointrader.config.OrderSettings.defaults(), engine, store, clock),
                new ExitPlanner(new ProtectiveExits(io.cointrader.config.ExitSettings.off(), store), store),
                clock);
        ticks = new TickProcessor(
                parts,
                new OrderPlanner(new BigDecimal("10"), java.util.Optional.empty()),
                new PairRules(PairRules.Source.table(), java.util.List.of(), clock),
                new Portfolio("KRW"),
                new Journals());
    }

    @Override
    public void close() {
        store.close();
    }
}
