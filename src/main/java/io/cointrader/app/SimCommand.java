package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.cli.TraderApp.SimRequest;
import io.cointrader.config.Settings;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayExchange;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code trader sim}: an Upbit-compatible server on 127.0.0.1 over the replay history, for rehearsing
 * the live path without money. Market time runs {@code speed} times faster than the wall clock. It
 * prints one account's keys (simulator-only values, useless anywhere else) for {@code encrypt-keys}.
 */
final class SimCommand {

    private final Settings settings;
    private final PrintWriter out;

    SimCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.out = invocation.out();
    }

    /** Runs until stopped; {@code accessKey}/{@code secretKey} of the request may be null: random ones are made. */
    int run(SimRequest options) throws InterruptedException {
        History history =
                settings.replay().dataDir().map(History::fromDirectory).orElseGet(History::bundled);
        List<Symbol> symbols = List.copyOf(history.symbols());
        Instant start = settings.replay().from().orElseGet(() -> new ReplayExchange(history, Clock.systemUTC())
                .defaultStart(symbols));
        String access = options.accessKey() != null ? options.accessKey() : "sim-access-" + random(12);
        String secret = options.secretKey() != null ? options.secretKey() : "sim-secret-" + random(20);
        SimulatorConfig config = SimulatorConfig.builder(
                        history, SimClock.realtime(start, options.speed(), Clock.systemUTC()))
                .port(options.port())
                .account(access, SimAccount.of(secret, options.krw()))
                .keyLifetime(Duration.ofDays(options.keyExpiresInDays()))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (UpbitSimulator simulator = new UpbitSimulator(config).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sim-shutdown"));
            out.println("Upbit simulator listening on " + simulator.baseUrl());
            out.println("  market: replay of " + symbols + " from " + ConsoleReporter.time(start) + " at "
                    + options.speed() + "x real time");
            out.println("  account: " + new BigDecimal(options.krw()).toPlainString() + " KRW");
            out.println("  simulator-only keys (valid only here): access key " + access + "  secret key " + secret);
            out.println("  the keys expire in " + options.keyExpiresInDays() + " day(s)");
            out.println("  next: trader encrypt-keys --exchange upbit, then");
            out.println("        UPBIT_BASE_URL=" + simulator.baseUrl() + " trader run --mode live");
            out.println("Stop with Ctrl+C.");
            out.flush();
            stopped.await();
        }
        return Application.OK;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
