package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.UpbitOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/** The settings and surroundings of the fault soak's live assembly ({@link FaultSoak}). */
final class SoakSetup {

    private SoakSetup() {}

    /** Live trading on the simulator at {@code baseUrl}, everything kept under {@code work}. */
    static Settings settings(Path work, URI baseUrl) {
        return SettingsLoader.load(
                        Map.ofEntries(
                                Map.entry("TRADING_MODE", "live"),
                                Map.entry("EXCHANGE", "upbit"),
                                Map.entry("UPBIT_BASE_URL", baseUrl.toString()),
                                Map.entry("TRADING_SYMBOLS", "BTC/KRW,ETH/KRW"), // in the order of SYMBOLS
                                Map.entry(
                                        "DB_PATH", work.resolve("data/soak.db").toString()),
                                Map.entry("LOG_DIR", work.resolve("logs").toString()),
                                Map.entry(
                                        "KILL_SWITCH_FILE",
                                        work.resolve("RUN/kill_switch").toString()),
                                Map.entry(
                                        "LIVE_MODE_TOKEN_PATH",
                                        work.resolve("RUN/live_mode_token.txt").toString()),
                                Map.entry("API_FAILURE_THRESHOLD", Integer.toString(FaultSoak.FAILURE_THRESHOLD)),
                                Map.entry("BUY_ORDER_TIMEOUT_SEC", Long.toString(FaultSoak.BUY_TIMEOUT.toSeconds())),
                                Map.entry("SELL_ORDER_TIMEOUT_SEC", Long.toString(FaultSoak.SELL_TIMEOUT.toSeconds()))),
                        Map.of(),
                        work)
                .settings();
    }

    /**
     * One settable clock for everything; the client's waits move it instead of sleeping; short request
     * timeouts; a strategy that trades every hour.
     */
    static Surroundings surroundings(ReplayClock clock, long seed) {
        return new Surroundings(
                clock,
                pause -> {
                    if (!pause.isNegative() && !pause.isZero()) {
                        clock.advance(pause); // the client's waits move the clock instead of sleeping
                    }
                },
                new SplittableRandom(seed),
                options -> new UpbitOptions(
                        options.baseUrl(),
                        FaultSoak.REQUEST_TIMEOUT,
                        FaultSoak.REQUEST_TIMEOUT,
                        FaultSoak.READ_ATTEMPTS,
                        options.initialBackoff(),
                        options.maxBackoff(),
                        options.defaultBanDuration(),
                        options.userAgent()),
                HourlySwingStrategy::new);
    }
}
