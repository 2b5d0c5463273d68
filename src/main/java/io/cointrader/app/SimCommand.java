package io.cointrader.app;

import io.cointrader.cli.TraderApp.Invocation;
import io.cointrader.cli.TraderApp.SimulatorRequest;
import io.cointrader.config.Settings;
import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayExchange;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimHolding;
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
 * The account starts with {@code --krw} and any {@code --holding} coins.
 */
final class SimCommand {

    private final Settings settings;
    private final PrintWriter out;

    SimCommand(Settings settings, Invocation invocation) {
        this.settings = settings;
        this.out = invocation.out();
    }

    /** Runs until stopped; the request's keys may be null: random ones are made. */
    int run(SimulatorRequest options) throws InterruptedException {
        String access = options.accessKey() != null ? options.accessKey() : "sim-access-" + random(12);
        String secret = options.secretKey() != null ? options.secretKey() : "sim-secret-" + random(20);
        SimAccount account = account(options, secret);
        History history =
                settings.replay().dataDir().map(History::fromDirectory).orElseGet(History::bundled);
        List<Symbol> symbols = List.copyOf(history.symbols());
        Instant start = settings.replay().from().orElseGet(() -> new ReplayExchange(history, Clock.systemUTC())
                .defaultStart(symbols));
        SimulatorConfig config = SimulatorConfig.builder(
                        history, SimClock.realtime(start, options.speed(), Clock.systemUTC()))
                .port(options.port())
                .account(access, account)
                .keyLifetime(Duration.ofDays(options.keyExpiresInDays()))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (UpbitSimulator simulator = new UpbitSimulator(config).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sim-shutdown"));
            out.println("Upbit simulator listening on " + simulator.baseUrl());
            out.println("  market: replay of " + symbols + " from " + ConsoleReporter.time(start) + " at "
                    + options.speed() + "x real time");
            out.println("  account: " + describe(account));
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

    /** The account the options ask for; a bad amount or holding is a usage error. */
    private static SimAccount account(SimulatorRequest options, String secret) {
        try {
            SimAccount account = new SimAccount(Secret.of(secret), new BigDecimal(options.krw()));
            for (String holding : options.holdings()) {
                account = account.with(SimHolding.parse(holding));
            }
            return account;
        } catch (IllegalArgumentException e) {
            throw new Application.UserError(Application.USAGE, "trader sim: " + e.getMessage());
        }
    }

    private static String describe(SimAccount account) {
        StringBuilder text = new StringBuilder(account.initialKrw().toPlainString() + " KRW");
        for (SimHolding h : account.holdings()) {
            text.append(", ")
                    .append(h.quantity().toPlainString())
                    .append(' ')
                    .append(h.currency())
                    .append(" (average buy price ")
                    .append(h.avgBuyPrice().toPlainString())
                    .append(" KRW)");
        }
        return text.toString();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
