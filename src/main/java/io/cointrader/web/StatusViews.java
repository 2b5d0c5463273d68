package io.cointrader.web;

import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/** Builds the status answer from the loop, the kill switch, the settings and the store. */
final class StatusViews {

    private final DashboardSetup setup;
    private final Instant startedAt;

    StatusViews(DashboardSetup setup, Instant startedAt) {
        this.setup = setup;
        this.startedAt = startedAt;
    }

    StatusView status() {
        Settings settings = setup.settings();
        TradingState trading = setup.control().state();
        Instant now = setup.clock().instant();
        return new StatusView(
                setup.version(),
                StatusView.lower(mode(trading).name()),
                StatusView.lower(settings.exchange().name()),
                settings.symbols(),
                quoteCurrency(settings),
                now,
                startedAt,
                Math.max(0, Duration.between(startedAt, now).toSeconds()),
                marketClock(setup.store()),
                StatusView.KillSwitchView.of(setup.killSwitch().status()),
                StatusView.TradingView.of(trading),
                setup.store().lastTicks().stream()
                        .sorted(Comparator.comparing(t -> t.symbol().toString()))
                        .map(StatusView.TickView::of)
                        .toList(),
                setup.guard().authRequired());
    }

    /** The mode of the loop this server runs, else the configured mode. */
    TradingMode mode() {
        return mode(setup.control().state());
    }

    private TradingMode mode(TradingState trading) {
        if (trading.runner() == TradingState.Runner.THIS_SERVER && trading.mode() != null) {
            return trading.mode();
        }
        return setup.settings().mode();
    }

    /** Every configured pair trades against the same quote currency (KRW on Upbit). */
    static String quoteCurrency(Settings settings) {
        return settings.symbols().get(0).quote();
    }

    private static Instant marketClock(StateStore store) {
        return store.meta(MetaKeys.REPLAY_CLOCK)
                .map(text -> {
                    try {
                        return Instant.parse(text.trim());
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                })
                .orElse(null);
    }
}
