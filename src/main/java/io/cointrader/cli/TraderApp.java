package io.cointrader.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What the commands can ask of the application. Each method returns the process exit code: 0 success,
 * 1 runtime failure, 2 bad usage or configuration (after printing one clear line to {@code err}).
 *
 * @see io.cointrader.cli.TraderCommand
 */
public interface TraderApp {

    /** Setting overrides from flags, keyed by variable name (e.g. TRADING_MODE), and the console. */
    record Invocation(Map<String, String> overrides, PrintWriter out, PrintWriter err) {}

    /**
     * What {@code trader candles download} was asked, as typed; the application parses and checks it.
     *
     * @param to null for "now"
     */
    record CandleDownload(String interval, String from, String to, int requestsPerSecond) {}

    int run(Invocation invocation, boolean once);

    int kill(Invocation invocation, String reason, boolean closePositions);

    int release(Invocation invocation, String reason);

    int status(Invocation invocation);

    /** Checks that everything a run needs is in place; prints a table. */
    int selftest(Invocation invocation, boolean notify);

    /** Serves the dashboard on {@code host}:{@code port} until stopped. */
    int web(Invocation invocation, String host, int port);

    /**
     * What {@code trader sim} was asked, as typed; the application parses and checks it.
     *
     * @param accessKey null for a random one
     * @param secretKey null for a random one
     * @param holdings coins the account starts with, each {@code CURRENCY=QUANTITY@AVG_BUY_PRICE}
     * @param keyExpiresInDays days until the simulator's keys expire
     */
    record SimulatorRequest(
            int port,
            double speed,
            String krw,
            String accessKey,
            String secretKey,
            List<String> holdings,
            int keyExpiresInDays) {
        public SimulatorRequest {
            holdings = holdings == null ? List.of() : List.copyOf(holdings);
        }
    }

    /** Runs the Upbit-compatible simulator until stopped. */
    int sim(Invocation invocation, SimulatorRequest request);

    /**
     * What {@code trader backtest} was asked: the window (dates or instants; null for the data's own),
     * the candle interval, a CSV file or folder (null for the bundled history) and the report folder.
     */
    record BacktestRequest(String from, String to, String interval, String data, String reportDir) {}

    /** Runs the trading pipeline over historical candles and writes the report. */
    int backtest(Invocation invocation, BacktestRequest request);

    /** Downloads the candles of the configured symbols into the candle cache (CANDLE_CACHE_PATH). */
    int downloadCandles(Invocation invocation, CandleDownload request);

    /** Prompts for exchange API keys and a master key, and writes the encrypted key file. */
    int encryptKeys(Invocation invocation, String exchange);
}
