package io.cointrader.app;

import io.cointrader.core.Symbol;
import io.cointrader.execution.Reconciler;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main loop (the design's {@code _main_loop}): reconcile (unresolved intents, and orders of this
 * installation the database does not know), one tick per symbol, wait, repeat. A stop
 * request ends the loop after the tick in progress. A tick that fails unexpectedly is logged and the
 * loop goes on with the next symbol.
 */
final class TradingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TradingLoop.class);

    private final List<Symbol> symbols;
    private final TickProcessor ticks;
    private final Reconciler reconciler;
    private final Pacer pacer;
    private final StopSignal stop;
    private final Consumer<TickReport> reporter;
    private final Runnable beforePass;
    private final PassTimes passTimes;

    TradingLoop(
            List<Symbol> symbols,
            TickProcessor ticks,
            Reconciler reconciler,
            Pacer pacer,
            StopSignal stop,
            Consumer<TickReport> reporter,
            Runnable beforePass,
            PassTimes passTimes) {
        this.symbols = List.copyOf(symbols);
        this.ticks = ticks;
        this.reconciler = reconciler;
        this.pacer = pacer;
        this.stop = stop;
        this.reporter = reporter;
        this.beforePass = beforePass;
        this.passTimes = passTimes;
    }

    /** Runs until stopped, or one pass when {@code once}; returns the number of passes made. */
    long run(boolean once) throws InterruptedException {
        long passes = 0;
        while (!stop.requested()) {
            long started = passTimes.start();
            beforePass.run();
            reconcile();
            for (Symbol symbol : symbols) {
                if (stop.requested()) {
                    break;
                }
                reporter.accept(tick(symbol));
            }
            passes++;
            passTimes.finished(started);
            if (once || stop.requested() || !pacer.awaitNextPass()) {
                break;
            }
        }
        return passes;
    }

    private TickReport tick(Symbol symbol) {
        try {
            return ticks.tick(symbol);
        } catch (RuntimeException e) {
            LOG.error("tick for {} failed", symbol, e);
            return new TickReport(null, symbol, null, null, TickAction.ERROR, "tick failed: " + e.getMessage());
        }
    }

    private void reconcile() {
        try {
            reconciler.reconcileIntents();
            reconciler.adoptUnknownOrders();
        } catch (RuntimeException e) {
            LOG.error("reconciliation failed; will retry on the next pass", e);
        }
    }
}
