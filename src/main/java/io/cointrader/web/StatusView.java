package io.cointrader.web;

import io.cointrader.core.Symbol;
import io.cointrader.safety.KillSwitchStatus;
import io.cointrader.state.TickRecord;
import io.cointrader.web.view.Decimals;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/status}. Holds no setting but mode, exchange, symbols, quote currency and version. */
record StatusView(
        String version,
        String mode,
        String exchange,
        List<Symbol> symbols,
        String quoteCurrency,
        Instant serverTime,
        Instant startedAt,
        long uptimeSeconds,
        Instant marketClock,
        KillSwitchView killSwitch,
        TradingView trading,
        List<TickView> lastTicks,
        boolean authRequired) {

    /** The kill switch; reason, source and since are null while it is inactive. */
    record KillSwitchView(boolean active, String reason, String source, Instant since) {

        static KillSwitchView of(KillSwitchStatus s) {
            return new KillSwitchView(s.active(), s.reason(), s.source(), s.since());
        }
    }

    /** The trading loop; also the answer of the start and stop requests. */
    record TradingView(
            boolean running,
            String runner,
            String mode,
            Instant startedAt,
            Instant stoppedAt,
            boolean stopping,
            String lastError) {

        static TradingView of(TradingState s) {
            return new TradingView(
                    s.running(),
                    lower(s.runner().name()),
                    s.mode() == null ? null : lower(s.mode().name()),
                    s.startedAt(),
                    s.stoppedAt(),
                    s.stopping(),
                    s.lastError());
        }
    }

    /** The newest tick of one symbol; {@code price} is null when the tick ended before a price was known. */
    record TickView(Symbol symbol, Instant time, Instant wallTime, String action, String price, String detail) {

        static TickView of(TickRecord t) {
            return new TickView(t.symbol(), t.time(), t.wallTime(), t.action(), Decimals.plain(t.price()), t.detail());
        }
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
