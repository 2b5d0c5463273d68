package io.cointrader.app;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Position;
import io.cointrader.core.Signal;
import io.cointrader.execution.AccountState;
import io.cointrader.llm.Advisor;
import io.cointrader.llm.AdvisorQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 9 of the tick: hands the optional advisor a question about the symbol and the candle the signal
 * was computed from, and returns at once. The question is asked off the tick ({@link AdvisorQueue});
 * the advice is recorded when it arrives ({@link AdviceRecorder}) and is never returned to the caller,
 * so it can neither change what is ordered nor hold it up.
 */
final class AdvisorStep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorStep.class);
    private static final int RECENT_CLOSES = 24;

    private final Optional<AdvisorQueue> queue;
    private final Clock clock;

    /** @param clock the trading clock: a question's asked-at time */
    AdvisorStep(Optional<AdvisorQueue> queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    static AdvisorStep none() {
        return new AdvisorStep(Optional.empty(), Clock.systemUTC());
    }

    /** @param candles ascending; the newest is the candle the advice is about */
    void advise(Signal signal, MarketData market, AccountState account, List<Candle> candles) {
        if (queue.isEmpty()) {
            return;
        }
        if (candles.isEmpty()) {
            LOG.debug("advisor not asked for {}: no candle to ask about", signal.symbol());
            return;
        }
        Instant candleTime = candles.get(candles.size() - 1).openTime();
        queue.get()
                .ask(new Advisor.Question(
                        signal.symbol().toString(),
                        candleTime,
                        clock.instant(),
                        context(signal, market, account, candles)));
    }

    private static Map<String, Object> context(
            Signal signal, MarketData market, AccountState account, List<Candle> candles) {
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
        Position held = account.positions().get(signal.symbol());
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
                        .skip(Math.max(0, candles.size() - RECENT_CLOSES))
                        .map(c -> c.close().toPlainString())
                        .toList());
        return context;
    }

    /** Lets the questions handed over be answered, for at most {@code max}. */
    void drain(java.time.Duration max) {
        queue.ifPresent(q -> q.drain(max));
    }

    /** Stops asking at once: a call in flight is abandoned, not awaited. */
    @Override
    public void close() {
        queue.ifPresent(AdvisorQueue::close);
    }
}
