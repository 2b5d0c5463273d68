package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.logging.Redactor;
import java.time.Instant;
import java.util.Optional;

/**
 * The assembled system: everything {@link SystemBuilder} built, ready to trade. {@code replayClock} and
 * {@code replayEnd} are present only on the replay exchange, {@code keyExpiry} only in live mode.
 */
record TradingSystem(
        Settings settings,
        TradingParts parts,
        ExecutionEngine engine,
        Portfolio portfolio,
        OrderPlanner planner,
        PairRules rules,
        Redactor redactor,
        Optional<ReplayClock> replayClock,
        Optional<Instant> replayEnd,
        Alerts alerts,
        Optional<ApiKeyExpiryCheck> keyExpiry)
        implements AutoCloseable {

    TickProcessor tickProcessor() {
        return new TickProcessor(parts, planner, rules, portfolio, new Journals());
    }

    @Override
    public void close() {
        parts.advisor().close();
        alerts.close();
        parts.store().close();
    }
}
