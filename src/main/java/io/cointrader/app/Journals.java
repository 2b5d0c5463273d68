package io.cointrader.app;

import io.cointrader.core.Balance;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Position;
import io.cointrader.core.Signal;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes strategy decisions and balance snapshots to their JSON-lines logs. A backtest uses {@link
 * #quiet()}: it keeps its results in memory and writes them at the end, never per candle.
 */
final class Journals {

    private final boolean enabled;

    Journals() {
        this(true);
    }

    private Journals(boolean enabled) {
        this.enabled = enabled;
    }

    /** Journals that write nothing. */
    static Journals quiet() {
        return new Journals(false);
    }

    private static final Logger DECISIONS = LoggerFactory.getLogger("cointrader.decisions");
    private static final Logger BALANCES = LoggerFactory.getLogger("cointrader.balances");

    void signal(Signal signal, StateStore store, Instant now) {
        if (!enabled) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>(signal.indicators());
        details.put("confidence", signal.confidence());
        details.put(
                "candle_time",
                signal.candleTime() == null ? null : signal.candleTime().toString());
        store.saveDecisionEvent(
                "strategy", signal.symbol().toString(), signal.type().name(), signal.reason(), details, now);
        DECISIONS
                .atInfo()
                .addKeyValue("event", "strategy_signal")
                .addKeyValue("strategy", signal.strategy())
                .addKeyValue("symbol", signal.symbol().toString())
                .addKeyValue("signal", signal.type().name())
                .addKeyValue("confidence", signal.confidence())
                .addKeyValue("reason", signal.reason())
                .addKeyValue("indicators", signal.indicators())
                .addKeyValue("sim_time", now.toString())
                .log("signal {} {}: {}", signal.type(), signal.symbol(), signal.reason());
    }

    void balances(BalanceSnapshot snapshot, List<Position> positions, BigDecimal equity) {
        if (!enabled) {
            return;
        }
        Map<String, Map<String, String>> balances = new LinkedHashMap<>();
        for (Balance b : snapshot.balances().values()) {
            balances.put(
                    b.currency(),
                    Map.of(
                            "free",
                            b.free().toPlainString(),
                            "locked",
                            b.locked().toPlainString()));
        }
        Map<String, Map<String, String>> held = new LinkedHashMap<>();
        for (Position p : positions) {
            held.put(
                    p.symbol().toString(),
                    Map.of(
                            "quantity",
                            p.quantity().toPlainString(),
                            "average_price",
                            p.averagePrice().toPlainString()));
        }
        BALANCES.atInfo()
                .addKeyValue("event", "balance_snapshot")
                .addKeyValue("equity", equity.toPlainString())
                .addKeyValue("balances", balances)
                .addKeyValue("positions", held)
                .addKeyValue("sim_time", snapshot.time().toString())
                .log("equity {}", equity.toPlainString());
    }
}
