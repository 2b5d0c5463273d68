package io.cointrader.web;

import io.cointrader.config.TradingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the trading loop runs, and where. {@code mode}, {@code startedAt} and {@code stoppedAt}
 * describe this server's newest loop and are null when it has none; {@code lastError} is the one-line
 * reason the newest loop of this server ended abnormally or could not start, else null.
 */
public record TradingState(
        boolean running,
        Runner runner,
        TradingMode mode,
        Instant startedAt,
        Instant stoppedAt,
        boolean stopping,
        String lastError) {

    /** Who runs the loop on this database. */
    public enum Runner {
        THIS_SERVER,
        OTHER_PROCESS,
        NONE
    }

    public TradingState {
        Objects.requireNonNull(runner, "runner");
        if (running != (runner != Runner.NONE)) {
            throw new IllegalArgumentException("running must match the runner");
        }
    }

    public static TradingState idle() {
        return new TradingState(false, Runner.NONE, null, null, null, false, null);
    }
}
