package io.cointrader.web;

import io.cointrader.config.Settings;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.StateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;

/**
 * What the dashboard server is built from.
 *
 * @param host the address to bind (e.g. {@code 127.0.0.1}); the caller has already decided it may
 * @param port the port to bind, or 0 for any free port
 * @param safety where kill-switch changes made from the page are recorded (and alerted)
 * @param dustBelow a position worth less than this is shown as dust (the pair's minimum order total)
 * @param clock the wall clock, for the server's start time and uptime (account times come from the
 *     store)
 * @param version the program version shown on the page
 */
public record DashboardSetup(
        String host,
        int port,
        AccessGuard guard,
        StateStore store,
        KillSwitch killSwitch,
        SafetyEventSink safety,
        TradingControl control,
        Settings settings,
        BigDecimal dustBelow,
        Clock clock,
        String version) {

    public DashboardSetup {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(killSwitch, "killSwitch");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dustBelow, "dustBelow");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(version, "version");
    }
}
