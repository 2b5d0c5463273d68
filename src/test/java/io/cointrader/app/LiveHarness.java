package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.config.SettingsLoader;
import io.cointrader.core.MarketData;
import io.cointrader.core.OrderIntent;
import io.cointrader.core.OrderType;
import io.cointrader.core.Secret;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.UpbitCredentials;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.exchange.upbit.UpbitPrivateClient;
import io.cointrader.execution.AccountState;
import io.cointrader.execution.ExecutionResult;
import io.cointrader.logging.Redactor;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The live assembly of {@code trader run --mode live} in-process against the Upbit simulator on
 * loopback, on one settable clock that is the market time, the simulator's wall clock and the time the
 * client's waits move; the strategy is scripted. For tests of the live order path that need to place
 * orders where they will or will not fill.
 */
final class LiveHarness implements AutoCloseable {

    static final String ACCESS = "live-access-5e6f";
    static final String SECRET = "live-secret-7a8b9c";
    static final Instant START = Instant.parse("2025-10-22T00:00:30Z");

    final ReplayClock clock = new ReplayClock(START);
    final UpbitSimulator sim;
    final ScriptedStrategy strategy = new ScriptedStrategy();
    final TradingSystem system;
    final TickProcessor ticks;
    private int intents;

    /** @param overrides settings beyond the harness's own (e.g. timeouts) */
    LiveHarness(Path work, SimAccount account, Map<String, String> overrides) {
        sim = new UpbitSimulator(SimulatorConfig.builder(History.bundled(), SimClock.fixed(clock))
                        .wallClock(clock)
                        .account(ACCESS, account)
                        .build())
                .start();
        Map<String, String> values = new HashMap<>(Map.of(
                "TRADING_MODE",
                "live",
                "EXCHANGE",
                "upbit",
                "UPBIT_BASE_URL",
                sim.baseUrl().toString(),
                "TRADING_SYMBOLS",
                "BTC/KRW,ETH/KRW",
                "DB_PATH",
                work.resolve("data/live.db").toString(),
                "LOG_DIR",
                work.resolve("logs").toString(),
                "KILL_SWITCH_FILE",
                work.resolve("RUN/kill_switch").toString(),
                "MAX_SLIPPAGE_BPS",
                "10000"));
        values.putAll(overrides);
        Settings settings = SettingsLoader.load(values, Map.of(), work).settings();
        LiveAccess access =
                http -> new UpbitPrivateClient(http, new UpbitCredentials(Secret.of(ACCESS), Secret.of(SECRET)));
        system = SystemBuilder.build(
                settings,
                Redactor.withSecrets(List.of()),
                line -> {},
                SystemBuilder.ReplayResume.NEXT_PASS,
                Optional.of(access),
                surroundings());
        ticks = system.tickProcessor();
    }

    private Surroundings surroundings() {
        return new Surroundings(
                clock,
                pause -> {
                    if (!pause.isNegative() && !pause.isZero()) {
                        clock.advance(pause);
                    }
                },
                new SplittableRandom(7),
                options -> new UpbitOptions(
                        options.baseUrl(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        2,
                        options.initialBackoff(),
                        options.maxBackoff(),
                        options.defaultBanDuration(),
                        options.userAgent()),
                () -> strategy);
    }

    /** One pass as the loop makes it for {@code symbol}: reconciliation, then the tick. */
    TickReport pass(Symbol symbol, io.cointrader.core.SignalType signal) {
        strategy.next = signal;
        system.parts().reconciler().reconcileIntents();
        system.parts().reconciler().adoptUnknownOrders();
        return ticks.tick(symbol);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    MarketData ticker(Symbol symbol) {
        return system.parts().exchange().ticker(symbol);
    }

    /** A limit order through the engine at {@code factor} x the current price, on the tick grid. */
    ExecutionResult place(Symbol symbol, Side side, String factor, String quantity) {
        BigDecimal price = ticker(symbol).price();
        BigDecimal raw = price.multiply(new BigDecimal(factor));
        BigDecimal tick = system.rules().tick(symbol, raw);
        BigDecimal limit = raw.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        OrderIntent intent = new OrderIntent(
                "scripted|" + symbol + "|" + side + "|manual-" + (++intents),
                "scripted",
                symbol,
                side,
                OrderType.LIMIT,
                limit,
                new BigDecimal(quantity),
                "placed by the test",
                clock.instant(),
                false);
        Map<Symbol, io.cointrader.core.Position> positions = new HashMap<>();
        system.parts().broker().positions().forEach(p -> positions.put(p.symbol(), p));
        AccountState account = new AccountState(
                new BigDecimal("10000000"),
                new BigDecimal("10000000"),
                price,
                positions,
                system.parts().store().openOrders());
        return system.engine().execute(intent, account);
    }

    List<SimOrder> exchangeOrders() {
        return sim.state().orders(ACCESS);
    }

    @Override
    public void close() {
        system.close();
        sim.close();
    }
}
