package io.cointrader.app;

import io.cointrader.broker.Broker;
import io.cointrader.broker.LiveBroker;
import io.cointrader.broker.PaperBroker;
import io.cointrader.config.ConfigException;
import io.cointrader.config.ExchangeKind;
import io.cointrader.config.Settings;
import io.cointrader.config.TradingMode;
import io.cointrader.core.Secret;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.TickSize;
import io.cointrader.exchange.replay.History;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.exchange.replay.ReplayExchange;
import io.cointrader.exchange.upbit.UpbitExchangeAdapter;
import io.cointrader.exchange.upbit.UpbitHttp;
import io.cointrader.exchange.upbit.UpbitOptions;
import io.cointrader.execution.CrashHook;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.ExecutionHooks;
import io.cointrader.execution.IntentIds;
import io.cointrader.execution.OrderSpacing;
import io.cointrader.execution.Reconciler;
import io.cointrader.execution.ReconcilerOptions;
import io.cointrader.execution.TradeListener;
import io.cointrader.logging.LogSetup;
import io.cointrader.logging.Redactor;
import io.cointrader.risk.RiskLimits;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.CircuitBreaker;
import io.cointrader.safety.KillSwitch;
import io.cointrader.state.Durability;
import io.cointrader.state.MetaKeys;
import io.cointrader.state.SqliteStateStore;
import io.cointrader.state.StateStore;
import io.cointrader.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one composition root (the design's {@code _build_system}): builds every component from the
 * settings, in dependency order, and wires them by hand.
 */
final class SystemBuilder {

    static final String INSTALLATION_KEY = io.cointrader.state.MetaKeys.INSTALLATION_ID;
    static final String PAPER_CASH_KEY = io.cointrader.state.MetaKeys.PAPER_INITIAL_KRW;
    static final String EXCHANGE_KEY = io.cointrader.state.MetaKeys.ACCOUNT_EXCHANGE;

    private SystemBuilder() {}

    /** Sets up logging with every configured secret registered for redaction. */
    static Redactor startLogging(Settings settings) {
        List<Secret> secrets = new ArrayList<>();
        settings.live().upbitMasterKey().ifPresent(secrets::add);
        settings.slackWebhookUrl().ifPresent(secrets::add);
        settings.webMasterCode().ifPresent(secrets::add);
        settings.llm().apiKey().ifPresent(secrets::add);
        Redactor redactor = Redactor.withSecrets(secrets);
        LogSetup.configure(settings.storage().logDir(), settings.storage().logLevel(), redactor);
        return redactor;
    }

    /** What the replay clock does when the database already holds a replay position. */
    enum ReplayResume {
        /** Continue after the last completed pass ({@code trader run}). */
        NEXT_PASS,
        /** Stay at the last completed pass (the emergency close of {@code trader kill}). */
        LAST_PASS
    }

    static TradingSystem build(Settings settings, Redactor redactor, Consumer<String> notice) {
        return build(settings, redactor, notice, ReplayResume.NEXT_PASS);
    }

    static TradingSystem build(Settings settings, Redactor redactor, Consumer<String> notice, ReplayResume resume) {
        return build(settings, redactor, notice, resume, Optional.empty());
    }

    /** {@code live} must be present exactly when the settings say TRADING_MODE=live. */
    static TradingSystem build(
            Settings settings,
            Redactor redactor,
            Consumer<String> notice,
            ReplayResume resume,
            Optional<LiveAccess> live) {
        return build(settings, redactor, notice, resume, live, Surroundings.real());
    }

    /** As above, on the given surroundings instead of real time, real sleep and the default strategy. */
    static TradingSystem build(
            Settings settings,
            Redactor redactor,
            Consumer<String> notice,
            ReplayResume resume,
            Optional<LiveAccess> live,
            Surroundings surroundings) {
        if ((settings.mode() == TradingMode.LIVE) != live.isPresent()) {
            throw new IllegalStateException("live access must be given for live mode, and only then");
        }
        StateStore store = openStore(settings, surroundings.clock());
        try {
            return assemble(settings, redactor, store, notice, resume, live, surroundings);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Paper money needs crash safety only; live orders also need safety against power loss. */
    static StateStore openStore(Settings settings) {
        return openStore(settings, Clock.systemUTC());
    }

    private static StateStore openStore(Settings settings, Clock clock) {
        Durability durability =
                settings.mode() == TradingMode.LIVE ? Durability.POWER_LOSS_SAFE : Durability.CRASH_SAFE;
        return SqliteStateStore.open(settings.storage().dbPath(), clock, durability);
    }

    private static TradingSystem assemble(
            Settings settings,
            Redactor redactor,
            StateStore store,
            Consumer<String> notice,
            ReplayResume resume,
            Optional<LiveAccess> live,
            Surroundings surroundings) {
        requireSameExchange(settings, store);
        requireSameMode(settings, store);
        Optional<ReplayClock> replayClock = Optional.empty();
        Optional<Instant> replayEnd = Optional.empty();
        Clock clock;
        ExchangeAdapter exchange;
        PairRules.Source rulesSource = PairRules.Source.table();
        Optional<PrivateExchange> privateApi = Optional.empty();
        if (settings.exchange() == ExchangeKind.REPLAY) {
            History history =
                    settings.replay().dataDir().map(History::fromDirectory).orElseGet(History::bundled);
            requireReplaySymbols(settings.symbols(), history.symbols());
            ReplayClock simulated = new ReplayClock(Instant.EPOCH);
            ReplayExchange replay = new ReplayExchange(history, simulated.stepView());
            Instant end = settings.replay().to().orElse(replay.dataEnd(settings.symbols()));
            simulated.set(replayStart(settings, replay, store, resume));
            replayClock = Optional.of(simulated);
            replayEnd = Optional.of(end);
            clock = simulated;
            exchange = replay;
        } else {
            clock = surroundings.clock();
            UpbitOptions options =
                    surroundings.upbitOptions().apply(UpbitOptions.defaults(settings.upbitBaseUrl(), version()));
            UpbitHttp http = new UpbitHttp(options, clock, surroundings.sleeper(), surroundings.jitter());
            UpbitExchangeAdapter upbit = new UpbitExchangeAdapter(http);
            privateApi = live.map(access -> access.connect(http));
            rulesSource = privateApi
                    .map(api -> new PairRules.Source(
                            upbit::tickSizes, s -> api.chance(s).bidMinTotal(), s -> api.chance(s)
                                    .askMinTotal()))
                    .orElse(new PairRules.Source(
                            upbit::tickSizes, s -> TickSize.KRW_MIN_ORDER_TOTAL, s -> TickSize.KRW_MIN_ORDER_TOTAL));
            exchange = upbit;
        }
        KillSwitch killSwitch = new KillSwitch(settings.safety().killSwitchFile(), clock);
        AnomalyMonitor anomalies = anomalyMonitor(settings, clock);
        CircuitBreaker breaker = new CircuitBreaker(settings.safety().circuitBreakerThresholdPct());
        Alerts notifier = Alerts.fromSettings(settings);
        SafetyRecorder safety = new SafetyRecorder(store, notifier);
        Broker broker = privateApi.isPresent()
                ? new LiveBroker(privateApi.get(), "KRW", clock, store.openOrders(), store.allFills())
                : paperBroker(settings, store, clock, notice);
        RiskManager risk = new RiskManager(riskLimits(settings));
        IntentIds ids = new IntentIds(installationId(store));
        TradeListener trades = privateApi.isPresent() ? new TradeAlerts(notifier) : TradeListener.NONE;
        CrashHook crashHook = CrashInjection.fromSystemProperty();
        OrderSpacing spacing = replayClock.isPresent()
                ? Spacings.advancing(replayClock.get())
                : Spacings.sleeping(surroundings.sleeper());
        ExecutionHooks hooks = new ExecutionHooks(crashHook, trades, spacing);
        ExecutionEngine engine = new ExecutionEngine(broker, risk, store, killSwitch, safety, ids, clock, hooks);
        Reconciler reconciler = new Reconciler(
                broker,
                store,
                safety,
                clock,
                hooks,
                new ReconcilerOptions(settings.orders().unknownOrderGrace(), Optional.of(ids.prefix())));
        Strategy strategy = surroundings.strategy().get();
        TradingParts parts = new TradingParts(
                exchange,
                strategy,
                engine,
                reconciler,
                broker,
                store,
                killSwitch,
                anomalies,
                breaker,
                safety,
                AdvisorWiring.step(settings, store, clock, notice),
                new EntryBlock(),
                new OrderTimeouts(settings.orders(), engine, store, clock),
                new ExitPlanner(new ProtectiveExits(settings.exits(), store), store),
                clock);
        OrderPlanner planner = planner(settings);
        PairRules rules = new PairRules(rulesSource, settings.symbols(), clock);
        Optional<ApiKeyExpiryCheck> keyExpiry =
                privateApi.map(api -> new ApiKeyExpiryCheck(api, live.flatMap(LiveAccess::accessKey), safety, clock));
        return new TradingSystem(
                settings,
                parts,
                engine,
                new Portfolio(broker.quoteCurrency()),
                planner,
                rules,
                redactor,
                replayClock,
                replayEnd,
                notifier,
                keyExpiry);
    }

    static OrderPlanner planner(Settings settings) {
        return new OrderPlanner(
                settings.risk().maxPositionSizePct(), settings.risk().maxCapitalKrw());
    }

    static String version() {
        return SystemBuilder.class.getPackage().getImplementationVersion();
    }

    static AnomalyMonitor anomalyMonitor(Settings settings, Clock clock) {
        return new AnomalyMonitor(
                settings.safety().apiFailureThreshold(),
                settings.safety().priceAnomalyPct(),
                settings.safety().spreadAnomalyPct(),
                settings.safety().balanceMismatchTolerancePct(),
                clock);
    }

    static RiskLimits riskLimits(Settings settings) {
        var r = settings.risk();
        return new RiskLimits(
                r.maxPositionSizePct(),
                r.maxPositions(),
                r.dailyMaxDrawdownPct(),
                r.maxOrdersPerSecond(),
                r.maxOrdersPerDay(),
                r.maxSlippageBps(),
                r.allowMarketOrders(),
                r.futuresEnabled(),
                r.maxLeverage(),
                r.maxCapitalKrw());
    }

    private static PaperBroker paperBroker(Settings settings, StateStore store, Clock clock, Consumer<String> notice) {
        BigDecimal configured = settings.paper().initialKrw();
        Optional<String> stored = store.meta(PAPER_CASH_KEY);
        BigDecimal initial = stored.map(BigDecimal::new).orElse(configured);
        if (stored.isEmpty()) {
            store.putMeta(PAPER_CASH_KEY, configured.toPlainString());
        } else if (initial.compareTo(configured) != 0) {
            notice.accept("note: PAPER_INITIAL_KRW=" + configured.toPlainString() + " is ignored: the paper account in "
                    + Display.path(settings.storage().dbPath()) + " started with " + initial.toPlainString()
                    + " KRW (use a new DB_PATH for a new account)");
        }
        return PaperBroker.restore(
                "KRW", initial, settings.paper().feeRate(), clock, store.allFills(), store.openOrders());
    }

    /**
     * A paper account lives on one market-data source: replayed history and today's Upbit prices must
     * never be mixed in one account (its clock, day-start equity and order counters would be wrong).
     */
    private static void requireSameExchange(Settings settings, StateStore store) {
        String wanted = settings.exchange().name().toLowerCase(java.util.Locale.ROOT);
        if (store.meta(EXCHANGE_KEY).isEmpty()) {
            store.putMeta(EXCHANGE_KEY, wanted);
        }
        checkAccount(settings, store);
    }

    /**
     * Paper fills and live fills must never share a database: the paper account is rebuilt from the
     * stored fills, and the live order counters and reconciliation read them too.
     */
    private static void requireSameMode(Settings settings, StateStore store) {
        String wanted = settings.mode().name().toLowerCase(java.util.Locale.ROOT);
        if (store.meta(MetaKeys.ACCOUNT_MODE).isEmpty()) {
            store.putMeta(MetaKeys.ACCOUNT_MODE, wanted);
        }
        checkAccount(settings, store);
    }

    /**
     * Refuses settings whose exchange or mode differ from the account stored in the database; binds
     * nothing (the dashboard only looks).
     */
    static void checkAccount(Settings settings, StateStore store) {
        String exchange = settings.exchange().name().toLowerCase(java.util.Locale.ROOT);
        Optional<String> storedExchange = store.meta(EXCHANGE_KEY);
        if (storedExchange.isPresent() && !storedExchange.get().equals(exchange)) {
            throw new ConfigException(
                    "EXCHANGE",
                    "'" + exchange + "' does not match the account in "
                            + Display.path(settings.storage().dbPath()) + ", which trades on '"
                            + storedExchange.get() + "'",
                    "--exchange " + storedExchange.get() + " with this database, or another database (--db FILE)");
        }
        String mode = settings.mode().name().toLowerCase(java.util.Locale.ROOT);
        Optional<String> storedMode = store.meta(MetaKeys.ACCOUNT_MODE);
        if (storedMode.isPresent() && !storedMode.get().equals(mode)) {
            throw new ConfigException(
                    "TRADING_MODE",
                    "'" + mode + "' does not match the account in "
                            + Display.path(settings.storage().dbPath()) + ", which trades in " + storedMode.get()
                            + " mode",
                    "--mode " + storedMode.get() + " with this database, or another database (--db FILE)");
        }
    }

    private static String installationId(StateStore store) {
        return store.meta(INSTALLATION_KEY).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            store.putMeta(INSTALLATION_KEY, id);
            return id;
        });
    }

    private static Instant replayStart(
            Settings settings, ReplayExchange replay, StateStore store, ReplayResume resume) {
        Optional<Instant> saved = store.meta(ReplayPacer.CLOCK_KEY).map(Instant::parse);
        if (saved.isPresent()) {
            // never go back in time: the past is already in this database
            return resume == ReplayResume.NEXT_PASS
                    ? saved.get().plus(settings.replay().step())
                    : saved.get();
        }
        return settings.replay().from().orElse(replay.defaultStart(settings.symbols()));
    }

    private static void requireReplaySymbols(List<Symbol> wanted, Set<Symbol> available) {
        List<Symbol> missing =
                wanted.stream().filter(s -> !available.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException(
                    "TRADING_SYMBOLS",
                    "no replay history for "
                            + missing.stream().map(Symbol::toString).collect(Collectors.joining(", ")),
                    "with EXCHANGE=replay: "
                            + available.stream().map(Symbol::toString).sorted().collect(Collectors.joining(", ")));
        }
    }
}
