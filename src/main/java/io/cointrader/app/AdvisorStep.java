package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Signal;
import io.cointrader.execution.AccountState;
import io.cointrader.llm.Advisor;
import io.cointrader.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 9 of the tick: asks the optional advisor and records its advice as a decision event. The advice
 * is never returned to the caller, so it cannot change what is ordered; every failure is one warning
 * and the tick goes on; every call is bounded by {@code timeout}.
 */
final class AdvisorStep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorStep.class);
    private static final Logger DECISIONS = LoggerFactory.getLogger("cointrader.decisions");

    private final Optional<Advisor> advisor;
    private final StateStore store;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService executor;

    AdvisorStep(Optional<Advisor> advisor, StateStore store, Clock clock, Duration timeout, ExecutorService executor) {
        this.advisor = advisor;
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
        this.executor = executor;
    }

    static AdvisorStep none(StateStore store, Clock clock) {
        return new AdvisorStep(Optional.empty(), store, clock, Duration.ZERO, null);
    }

    void advise(Signal signal, MarketData market, AccountState account, List<Candle> candles) {
        if (advisor.isEmpty()) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("price", market.price().toPlainString());
        context.put(
                "prev_close",
                market.prevClose() == null ? null : market.prevClose().toPlainString());
        context.put("signal", signal.type().name());
        context.put("signal_reason", signal.reason());
        context.put("indicators", signal.indicators());
        context.put("equity", account.totalEquity().toPlainString());
        context.put("positions_held", account.positions().size());
        io.cointrader.core.Position held = account.positions().get(signal.symbol());
        context.put(
                "position",
                held == null
                        ? null
                        : Map.of(
                                "quantity",
                                held.quantity().toPlainString(),
                                "average_price",
                                held.averagePrice().toPlainString()));
        context.put(
                "open_orders",
                account.openOrders().stream()
                        .filter(o -> o.symbol().equals(signal.symbol()))
                        .map(o -> o.side() + " " + o.quantity().toPlainString() + " @ "
                                + (o.price() == null ? "market" : o.price().toPlainString()))
                        .toList());
        context.put(
                "recent_closes",
                candles.stream()
                        .skip(Math.max(0, candles.size() - 24))
                        .map(c -> c.close().toPlainString())
                        .toList());
        Future<Optional<Advisor.Advice>> call =
                executor.submit(() -> advisor.get().advise(signal.symbol().toString(), context));
        try {
            call.get(timeout.toMillis(), TimeUnit.MILLISECONDS).ifPresent(advice -> record(signal, advice));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            call.cancel(true);
            LOG.warn(
                    "advisor gave no advice for {}: {}",
                    signal.symbol(),
                    e.getClass().getSimpleName());
        }
    }

    private void record(Signal signal, Advisor.Advice advice) {
        Map<String, Object> details = Map.of(
                "confidence", advice.confidence(), "risk_notes", advice.riskNotes() == null ? "" : advice.riskNotes());
        store.saveDecisionEvent(
                "llm_advice",
                signal.symbol().toString(),
                advice.action(),
                advice.reasoning(),
                details,
                clock.instant());
        DECISIONS
                .atInfo()
                .addKeyValue("event", "llm_advice")
                .addKeyValue("symbol", signal.symbol().toString())
                .addKeyValue("action", advice.action())
                .addKeyValue("confidence", advice.confidence())
                .addKeyValue("reasoning", advice.reasoning())
                .addKeyValue("risk_notes", advice.riskNotes())
                .log("llm advice {} {}", advice.action(), signal.symbol());
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
