package io.cointrader.app;

import io.cointrader.broker.Broker;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.Reconciler;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.CircuitBreaker;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.StateStore;
import io.cointrader.strategy.Strategy;
import java.time.Clock;

/** The components a tick needs, as built by {@link SystemBuilder}. */
record TradingParts(
        ExchangeAdapter exchange,
        Strategy strategy,
        ExecutionEngine engine,
        Reconciler reconciler,
        Broker broker,
        StateStore store,
        KillSwitch killSwitch,
        AnomalyMonitor anomalies,
        CircuitBreaker circuitBreaker,
        SafetyEventSink safety,
        AdvisorStep advisor,
        EntryBlock entries,
        OrderTimeouts timeouts,
        ExitPlanner exits,
        Clock clock) {}
