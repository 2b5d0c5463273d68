package io.cointrader.app;

import io.cointrader.config.Settings;
import io.cointrader.core.Order;
import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.upbit.UpbitCredentials;
import io.cointrader.exchange.upbit.UpbitPrivateClient;
import io.cointrader.logging.Redactor;
import io.cointrader.sim.RateLimits;
import io.cointrader.sim.SimAccount;
import io.cointrader.sim.SimClock;
import io.cointrader.sim.SimOrder;
import io.cointrader.sim.SimulatorConfig;
import io.cointrader.sim.UpbitSimulator;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The live trading loop, as {@code trader run --mode live} assembles it, stepped at replay speed against
 * the Upbit simulator on loopback while faults are injected between ticks: 5xx, timeouts, 429 bursts, a
 * 418 ban, malformed and truncated JSON, order posts whose answer is lost, slow answers, the database
 * locked by another connection, and failures of the cancels the trader sends itself when its orders
 * time out ({@link CancelFaults}; short timeouts make cancels and sells placed again frequent). One
 * settable clock is the market time, the wall clock of the client's and the simulator's rate limits,
 * the trader's clock and the time the client's waits move; only HTTP round trips, injected delays and
 * database locks take real time.
 *
 * <p>Every tick is checked against a model of the kill switch (predicted from the faults), and at the end
 * the exchange and the database are compared order by order and fill by fill ({@link SoakLedger}).
 */
final class FaultSoak implements AutoCloseable {

    static final String ACCESS = "soak-access-7d1f";
    static final String SECRET = "soak-secret-3c9a5e";
    static final List<Symbol> SYMBOLS = List.of(Symbol.parse("BTC/KRW"), Symbol.parse("ETH/KRW"));
    static final BigDecimal START_KRW = new BigDecimal("10000000");
    static final Instant START = Instant.parse("2025-10-20T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(1);
    static final Duration TICK_GAP = Duration.ofSeconds(1);
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
    static final int READ_ATTEMPTS = 3;
    static final int FAILURE_THRESHOLD = 5;
    /** A buy rests two passes before it is cancelled, a sell one pass before it is placed again. */
    static final Duration BUY_TIMEOUT = Duration.ofSeconds(120);

    static final Duration SELL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration LONG_LOCK = Duration.ofMillis(10_000 + 700);
    private static final int LONG_LOCK_PATIENCE = 200;

    /** How long and how hard: {@code ticks} in all (two symbols a pass), a fault before {@code faultRate} of them. */
    record Plan(long seed, int ticks, double faultRate, int longLocks) {}

    private final Plan plan;
    private final Settings settings;
    private final ReplayClock clock = new ReplayClock(START);
    private final UpbitSimulator sim;
    private final FaultInjector injector;
    private final CancelFaults cancelFaults;
    private final SplittableRandom random;
    private final SoakChecks checks = new SoakChecks();
    private final Map<TickAction, Integer> actions = new EnumMap<>(TickAction.class);
    private final List<String> unexplained = new ArrayList<>();
    private DatabaseLocker locker;
    private TradingSystem system;
    private KillSwitchWatch watch;
    private int ticks;
    private long passes;
    private int ordersAfterRelease;
    private int longLocksDone;
    private int longLockWait;
    private boolean lockedBeforeTick;
    private Instant banEnd = Instant.MIN;
    private String books = "";
    private PrintStream out = System.out;
    private long started;

    FaultSoak(Path work, Plan plan) throws Exception {
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed() * 31 + 7);
        sim = new UpbitSimulator(SimulatorConfig.builder(History.bundled(), SimClock.fixed(clock))
                        .wallClock(clock)
                        .account(ACCESS, SimAccount.of(SECRET, START_KRW.toPlainString()))
                        .rateLimits(RateLimits.upbit())
                        .build())
                .start();
        injector = new FaultInjector(
                sim.faults(),
                plan.seed(),
                plan.faultRate(),
                new FaultInjector.Timing(READ_ATTEMPTS, REQUEST_TIMEOUT.plusMillis(250), Duration.ofMillis(30), STEP));
        cancelFaults = new CancelFaults(
                sim, clock, BUY_TIMEOUT, SELL_TIMEOUT, REQUEST_TIMEOUT.plusMillis(250), plan.seed() + 2);
        Files.createDirectories(work.resolve("data"));
        settings = SoakSetup.settings(work, sim.baseUrl());
    }

    /** Runs the plan, settles, checks and prints the figures; returns the checks. */
    SoakChecks run(PrintStream out) throws Exception {
        this.out = out;
        started = System.nanoTime();
        LiveAccess access =
                http -> new UpbitPrivateClient(http, new UpbitCredentials(Secret.of(ACCESS), Secret.of(SECRET)));
        try (TradingSystem built = SystemBuilder.build(
                        settings,
                        Redactor.withSecrets(List.of()),
                        line -> {},
                        SystemBuilder.ReplayResume.NEXT_PASS,
                        Optional.of(access),
                        SoakSetup.surroundings(clock, plan.seed()));
                DatabaseLocker dbLocker = new DatabaseLocker(settings.storage().dbPath())) {
            system = built;
            locker = dbLocker;
            cancelFaults.watch(built.parts().store());
            cancelFaults.beforeTick(SYMBOLS.get(0), true, false);
            watch = new KillSwitchWatch(
                    FAILURE_THRESHOLD,
                    built.parts().killSwitch(),
                    built.parts().anomalies(),
                    () -> sim.state().orders(ACCESS).size(),
                    plan.seed() + 1);
            TradingSession session = new TradingSession(settings, new PrintWriter(Writer.nullWriter()), true);
            Optional<String> crash = trade(session);
            ordersAfterRelease = watch.finish();
            settle(session);
            books = new SoakLedger(
                            sim.state(),
                            ACCESS,
                            START_KRW,
                            built.parts().store(),
                            settings.storage().dbPath())
                    .verify(checks);
            judgeTheRun(crash);
        }
        printFigures(out, Duration.ofNanos(System.nanoTime() - started));
        checks.print(out);
        return checks;
    }

    /** The loop itself; an exception out of it is a crash. */
    private Optional<String> trade(TradingSession session) {
        try {
            session.trade(system, new StopSignal(), false, this::nextPass, this::afterTick);
            return Optional.empty();
        } catch (Exception | Error e) {
            return Optional.of(e.toString());
        }
    }

    /**
     * Between passes: the clock moves to the next pass. The trader cancels its timed-out orders itself, in
     * its ticks.
     */
    private boolean nextPass() {
        passes++;
        Instant next = START.plus(STEP.multipliedBy(passes));
        if (clock.instant().isBefore(next)) {
            clock.set(next);
        }
        cancelFaults.beforeTick(SYMBOLS.get(0), true, quietNextTick());
        return ticks < plan.ticks();
    }

    /** Whether the next tick gets no cancel fault: another fault is armed for it, or it calls nothing. */
    private boolean quietNextTick() {
        return injector.faultedTick()
                || lockedBeforeTick
                || watch.active()
                || clock.instant().isBefore(banEnd)
                || ticks >= plan.ticks();
    }

    private void afterTick(TickReport report) {
        ticks++;
        actions.merge(report.action(), 1, Integer::sum);
        Instant time = report.time() != null ? report.time() : clock.instant();
        injector.banReceived().ifPresent(block -> banEnd = time.plus(block));
        boolean banned = time.isBefore(banEnd);
        if (report.action() == TickAction.ERROR && !injector.faultedTick() && !lockedBeforeTick && !banned) {
            unexplained.add("tick " + ticks + ": " + report.detail());
        }
        watch.tick(ticks, report, banned ? TripModel.Fate.TICKER_FAILED : injector.fate());
        cancelFaults.afterTick(ticks, report, lockedBeforeTick);
        if (ticks % 10_000 == 0) {
            out.printf("  %,d ticks after %.0f s: %s%n", ticks, (System.nanoTime() - started) / 1e9, watch.figures());
        }
        lockedBeforeTick = false;
        injector.endTick();
        clock.advance(TICK_GAP);
        if (ticks < plan.ticks()) {
            try {
                armNext();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while locking the database", e);
            }
            if (ticks % SYMBOLS.size() != 0) {
                cancelFaults.beforeTick(SYMBOLS.get(ticks % SYMBOLS.size()), false, quietNextTick());
            }
        }
    }

    private void armNext() throws InterruptedException {
        boolean banned = clock.instant().isBefore(banEnd);
        boolean quiet = watch.active() || banned;
        if (!quiet && ticks >= plan.ticks() / 3 && !injector.armed().containsKey(SoakFault.BAN)) {
            injector.armBan(); // every run meets a ban, however the dice fell
            return;
        }
        boolean lock = injector.armNext(quiet);
        if (longLocksDone < plan.longLocks() && ticks >= (longLocksDone + 1L) * plan.ticks() / (plan.longLocks() + 1)) {
            if (fillWaitingForTheNextPass() || ++longLockWait > LONG_LOCK_PATIENCE) {
                locker.lockFor(LONG_LOCK);
                injector.countLock(SoakFault.DATABASE_LOCKED_PAST_TIMEOUT);
                longLocksDone++;
                longLockWait = 0;
                lockedBeforeTick = true;
                return;
            }
        }
        if (lock) {
            locker.lockFor(Duration.ofMillis(50 + random.nextInt(350)));
            injector.countLock(SoakFault.DATABASE_LOCKED);
            lockedBeforeTick = true;
        }
    }

    /**
     * Whether the next pass begins by recording a fill the database does not have yet: at the end of a
     * pass, the clock moved on to the next pass (as the pacer would do a moment later) and the exchange's
     * first open order in the database has been filled further since.
     * Its update is then the first write the next pass makes: the worst moment for the database to refuse
     * one.
     */
    private boolean fillWaitingForTheNextPass() {
        if (ticks % SYMBOLS.size() != 0) {
            return false;
        }
        Instant next = START.plus(STEP.multipliedBy(passes + 1));
        List<Order> open = system.parts().store().openOrders();
        if (open.isEmpty()) {
            return false;
        }
        if (clock.instant().isBefore(next)) {
            clock.set(next);
        }
        sim.match();
        Order first = open.get(0);
        Optional<SimOrder> there =
                first.exchangeOrderId() == null ? Optional.empty() : sim.state().order(first.exchangeOrderId());
        return there.isPresent() && there.get().executedVolume().compareTo(first.filledQuantity()) > 0;
    }

    /**
     * After the run: faults off, the kill switch released, the grace window of unanswered orders waited
     * out, one clean pass to catch up.
     */
    private void settle(TradingSession session) throws Exception {
        injector.stop();
        locker.awaitReleased();
        clock.advance(settings.orders().unknownOrderGrace().plusSeconds(1));
        if (clock.instant().isBefore(banEnd)) {
            clock.set(banEnd.plusSeconds(1)); // the client waits out a block before it calls again
        }
        session.trade(system, new StopSignal(), true, () -> false, report -> {});
    }

    private void judgeTheRun(Optional<String> crash) {
        checks.check("the loop ran without a crash", crash.isEmpty(), crash.orElse(ticks + " ticks"));
        checks.check("every planned tick ran", ticks == plan.ticks(), ticks + " of " + plan.ticks());
        watch.addChecks(checks, actions.getOrDefault(TickAction.API_FAILURE, 0), ordersAfterRelease);
        checks.check(
                "every failed tick had a fault to explain it",
                unexplained.isEmpty(),
                unexplained.isEmpty()
                        ? actions.getOrDefault(TickAction.ERROR, 0) + " failed ticks, all during a fault"
                        : KillSwitchWatch.first(unexplained));
        cancelFaults.addChecks(checks);
        List<SoakFault> missing = java.util.Arrays.stream(SoakFault.values())
                .filter(f -> hits(f) == 0)
                .toList();
        checks.check(
                "every kind of fault was met",
                missing.isEmpty(),
                missing.isEmpty() ? "all " + SoakFault.values().length : "never met: " + missing);
    }

    private void printFigures(PrintStream out, Duration wall) {
        out.printf(
                "Fault soak: seed %d, %d ticks (%d passes over BTC/KRW and ETH/KRW), market time %s .. %s, wall %.1f s%n",
                plan.seed(), ticks, passes, START, clock.instant(), wall.toMillis() / 1000.0);
        out.println("faults (armed / requests or locks met):");
        for (SoakFault f : SoakFault.values()) {
            out.printf(
                    "  %-40s %6d / %6d%n",
                    f.label(),
                    injector.armed().getOrDefault(f, 0) + cancelFaults.armed().getOrDefault(f, 0),
                    hits(f));
        }
        out.println("  outage streaks of the ticker: " + injector.streaks());
        out.println("tick outcomes: " + actions);
        out.println(watch.figures());
        out.println(cancelFaults.figures());
        out.println("books: " + books);
    }

    private int hits(SoakFault f) {
        return injector.hits().getOrDefault(f, 0) + cancelFaults.hits().getOrDefault(f, 0);
    }

    @Override
    public void close() {
        sim.close();
    }
}
