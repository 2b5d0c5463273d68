package io.cointrader.app;

import io.cointrader.broker.Broker;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Candle;
import io.cointrader.core.IntentState;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
import io.cointrader.core.Side;
import io.cointrader.core.Signal;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.upbit.UpbitBanException;
import io.cointrader.execution.AccountState;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.ExecutionResult;
import io.cointrader.execution.Reconciler;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.CircuitBreaker;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.AccountSnapshot;
import io.cointrader.state.IntentRecord;
import io.cointrader.state.StateStore;
import io.cointrader.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tick for one symbol, exactly as SPEC section 4 (the design's {@code _run_tick}), with the order
 * upkeep that keeps trading going: open orders past their timeout are cancelled, a sell that timed out
 * is placed again, and a protective exit sells before the strategy is heard. Not thread-safe: one
 * trading thread drives it.
 */
final class TickProcessor {

    static final int CANDLE_MINUTES = 60;
    static final int CANDLE_COUNT = 200;
    private static final Set<IntentState> UNRESOLVED = EnumSet.of(IntentState.SUBMITTING, IntentState.UNKNOWN);

    private final ExchangeAdapter exchange;
    private final Strategy strategy;
    private final ExecutionEngine engine;
    private final Reconciler reconciler;
    private final Broker broker;
    private final StateStore store;
    private final KillSwitch killSwitch;
    private final AnomalyMonitor anomalies;
    private final CircuitBreaker circuitBreaker;
    private final SafetyEventSink safety;
    private final AdvisorStep advisor;
    private final EntryBlock entries;
    private final OrderTimeouts timeouts;
    private final ExitPlanner exits;
    private final OrderPlanner planner;
    private final PairRules rules;
    private final Portfolio portfolio;
    private final Journals journals;
    private final Clock clock;
    private final List<String> notes = new ArrayList<>();
    private final AuthFailureAlert authFailures;
    private LocalDate equityDay;
    private BigDecimal dayStartEquity;
    private Instant alertedBanUntil;

    TickProcessor(TradingParts parts, OrderPlanner planner, PairRules rules, Portfolio portfolio, Journals journals) {
        this.exchange = parts.exchange();
        this.strategy = parts.strategy();
        this.engine = parts.engine();
        this.reconciler = parts.reconciler();
        this.broker = parts.broker();
        this.store = parts.store();
        this.killSwitch = parts.killSwitch();
        this.anomalies = parts.anomalies();
        this.circuitBreaker = parts.circuitBreaker();
        this.safety = parts.safety();
        this.advisor = parts.advisor();
        this.entries = parts.entries();
        this.timeouts = parts.timeouts();
        this.exits = parts.exits();
        this.planner = planner;
        this.rules = rules;
        this.portfolio = portfolio;
        this.journals = journals;
        this.clock = parts.clock();
        this.authFailures = new AuthFailureAlert(parts.safety(), parts.clock());
    }

    TickReport tick(Symbol symbol) {
        notes.clear();
        if (killSwitch.isActive()) {
            return report(symbol, null, null, TickAction.KILL_SWITCH, "kill switch is active");
        }
        MarketData market;
        try {
            market = exchange.ticker(symbol);
            anomalies.recordApiSuccess();
        } catch (ExchangeException e) {
            return apiFailure(symbol, "ticker", e);
        }
        Optional<TickReport> stopped;
        try {
            stopped = checkMarket(market);
        } catch (AuthFailedException e) {
            return apiFailure(symbol, "open order look-up", e);
        }
        if (stopped.isPresent()) {
            return stopped.get();
        }
        List<Candle> candles;
        try {
            candles = exchange.candles(symbol, CANDLE_MINUTES, CANDLE_COUNT);
        } catch (ExchangeException e) {
            return apiFailure(symbol, "candles", e);
        }
        try {
            TickReport decided = decide(strategy.evaluate(symbol, candles, market), market, candles);
            authFailures.recordSuccess();
            return decided;
        } catch (AuthFailedException e) {
            return apiFailure(symbol, "account data", e);
        }
    }

    /**
     * Steps 3 to 5 of a tick on a fresh ticker: a valid price, open orders brought up to date and those
     * past their timeout cancelled, the price and spread anomaly checks and the circuit breaker.
     *
     * @return the report when the tick ends here, empty when it goes on to the strategy
     */
    Optional<TickReport> checkMarket(MarketData market) {
        notes.clear();
        Symbol symbol = market.symbol();
        if (market.price() == null || market.price().signum() <= 0) {
            return Optional.of(report(symbol, market.price(), null, TickAction.NO_PRICE, "no valid trade price"));
        }
        portfolio.observe(symbol, market.price());
        reconciler.syncOpenOrders(market);
        notes.addAll(timeouts.expire(symbol));
        anomalies.checkPrice(market).ifPresent(safety::record);
        anomalies.checkSpread(market).ifPresent(safety::record);
        Optional<SafetyEvent> breaker = circuitBreaker.check(market);
        if (breaker.isPresent()) {
            safety.record(breaker.get());
            return Optional.of(report(
                    symbol,
                    market.price(),
                    null,
                    TickAction.CIRCUIT_BREAKER,
                    breaker.get().message()));
        }
        return Optional.empty();
    }

    /**
     * Steps 7 to 10 for the strategy's signal: journal it, value the account, ask the advisor, and
     * turn the signal (or an exit the position calls for) into an order through the execution engine.
     *
     * @param candles the candles the signal was computed from, for the advisor
     */
    TickReport decide(Signal signal, MarketData market, List<Candle> candles) {
        journals.signal(signal, store, clock.instant());
        BalanceSnapshot balances = broker.balances();
        AccountState account = accountState(market, balances);
        advisor.advise(signal, market, account, candles);
        Optional<TickReport> exit = exit(signal, market, account);
        return exit.isPresent() ? exit.get() : act(signal, market, account);
    }

    private Optional<TickReport> exit(Signal signal, MarketData market, AccountState account) {
        Symbol symbol = signal.symbol();
        boolean sellOpen = account.openOrders().stream()
                .anyMatch(o -> o.symbol().equals(symbol)
                        && o.side() == Side.SELL
                        && o.status().isOpen());
        Instant now = clock.instant();
        Optional<ExitPlanner.Exit> exit =
                exits.exit(signal, Optional.ofNullable(account.positions().get(symbol)), market.price(), sellOpen, now);
        if (exit.isEmpty()) {
            return Optional.empty();
        }
        OrderPlanner.Plan plan =
                planner.exit(exit.get(), symbol, marketRules(symbol, market, Side.SELL), broker.sellable(symbol), now);
        if (plan.intent().isEmpty()) {
            return Optional.of(report(symbol, market.price(), signal, TickAction.NO_ORDER, plan.reason()));
        }
        return Optional.of(execute(plan, signal, market, account, exit.get().reason() + ": "));
    }

    private TickReport act(Signal signal, MarketData market, AccountState account) {
        Symbol symbol = signal.symbol();
        Instant now = clock.instant();
        OrderPlanner.Plan plan =
                switch (signal.type()) {
                    case HOLD -> null;
                    case BUY -> planner.buy(signal, marketRules(symbol, market, Side.BUY), account, now);
                    case SELL -> planner.sell(
                            signal, marketRules(symbol, market, Side.SELL), broker.sellable(symbol), now);
                };
        if (plan == null) {
            return report(symbol, market.price(), signal, TickAction.HOLD, signal.reason());
        }
        if (plan.intent().isEmpty()) {
            return report(symbol, market.price(), signal, TickAction.NO_ORDER, plan.reason());
        }
        Optional<String> blocked = entries.reason();
        if (blocked.isPresent() && plan.intent().get().side() == Side.BUY) {
            return report(symbol, market.price(), signal, TickAction.BLOCKED, "no new entries: " + blocked.get());
        }
        return execute(plan, signal, market, account, "");
    }

    private TickReport execute(
            OrderPlanner.Plan plan, Signal signal, MarketData market, AccountState account, String prefix) {
        ExecutionResult result = engine.execute(plan.intent().get(), account);
        TickAction action = result.placed() ? TickAction.ORDER : TickAction.BLOCKED;
        return report(
                signal.symbol(),
                market.price(),
                signal,
                action,
                prefix + Describe.execution(plan.intent().get(), result));
    }

    private OrderPlanner.Market marketRules(Symbol symbol, MarketData market, Side side) {
        return new OrderPlanner.Market(
                market.price(), rules.tick(symbol, market.price()), rules.minTotal(symbol, side));
    }

    private AccountState accountState(MarketData market, BalanceSnapshot balances) {
        List<Position> positions = broker.positions();
        Instant now = clock.instant();
        BigDecimal equity = portfolio.equity(balances, positions);
        store.saveAccountSnapshot(new AccountSnapshot(balances, positions, equity, now));
        journals.balances(balances, positions, equity);
        startDayIfNew(equity, now);
        List<Order> openOrders = store.openOrders();
        Map<Symbol, Position> tradable = new LinkedHashMap<>();
        BigDecimal invested = AccountState.openBuys(openOrders);
        for (Position position : positions) {
            BigDecimal value = portfolio.value(position);
            invested = invested.add(value);
            if (!isDust(position.symbol(), value)) {
                tradable.put(position.symbol(), position);
            }
        }
        Set<Symbol> unresolvedBuys = new HashSet<>();
        for (IntentRecord record : store.intentsIn(UNRESOLVED)) {
            if (record.intent().side() == Side.BUY) {
                unresolvedBuys.add(record.intent().symbol());
            }
        }
        return new AccountState(equity, dayStartEquity, market.price(), tradable, openOrders, invested, unresolvedBuys);
    }

    /**
     * Whether a holding worth {@code value} is dust: less than the pair's minimum order. Dust stays in
     * the books and the equity but is no position: it blocks no buy, counts toward no limit and is never
     * offered for sale (the exchange would refuse the order).
     */
    boolean isDust(Symbol symbol, BigDecimal value) {
        return value.compareTo(rules.minTotal(symbol, Side.SELL)) < 0;
    }

    /** On the first valuation of a trading day (00:00 UTC), keeps its starting equity (SPEC section 4, step 8). */
    private void startDayIfNew(BigDecimal equity, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(equityDay)) {
            dayStartEquity = store.recordDayStartEquity(today, equity, now);
            equityDay = today;
        }
    }

    /**
     * Step 8's bookkeeping of a new trading day alone, for a tick whose outcome is otherwise known to
     * change nothing (a backtest's quiet candle): the account valued as {@link #decide} values it, and
     * the day's starting equity kept when this is the day's first valuation.
     */
    void valueDayStart() {
        startDayIfNew(portfolio.equity(broker.balances(), broker.positions()), clock.instant());
    }

    private TickReport apiFailure(Symbol symbol, String call, ExchangeException e) {
        String error = authFailures.describe(symbol, call, e);
        if (e instanceof UpbitBanException ban && !ban.bannedUntil().equals(alertedBanUntil)) {
            alertedBanUntil = ban.bannedUntil();
            safety.record(new SafetyEvent(
                    SafetyEventType.EXCHANGE_BAN,
                    Severity.CRITICAL,
                    symbol,
                    "the exchange blocked this client until " + ban.bannedUntil()
                            + " after rate-limit violations; the calls it blocks are not made until then",
                    Map.of("banned_until", ban.bannedUntil().toString()),
                    clock.instant()));
        }
        boolean thresholdReached = anomalies.recordApiFailure(symbol, error);
        if (thresholdReached && !killSwitch.isActive()) {
            String reason = anomalies.consecutiveFailures() + " consecutive API failures (last: " + error + ")";
            safety.record(new SafetyEvent(
                    SafetyEventType.API_FAILURE_THRESHOLD,
                    Severity.CRITICAL,
                    symbol,
                    reason + "; kill switch activated",
                    Map.of("consecutive_failures", Integer.toString(anomalies.consecutiveFailures())),
                    clock.instant()));
            killSwitch.activate(reason, "api-failure-threshold");
            return report(symbol, null, null, TickAction.API_FAILURE, error + "; kill switch activated");
        }
        return report(symbol, null, null, TickAction.API_FAILURE, error);
    }

    private TickReport report(Symbol symbol, BigDecimal price, Signal signal, TickAction action, String detail) {
        String shown = notes.isEmpty() ? detail : String.join("; ", notes) + "; " + detail;
        return new TickReport(clock.instant(), symbol, price, signal, action, shown);
    }
}
