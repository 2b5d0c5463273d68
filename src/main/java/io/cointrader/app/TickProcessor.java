package io.cointrader.app;

import io.cointrader.broker.Broker;
import io.cointrader.core.BalanceSnapshot;
import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Position;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.SafetyEventType;
import io.cointrader.core.Severity;
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
import io.cointrader.state.StateStore;
import io.cointrader.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One tick for one symbol, exactly as SPEC section 4: the design's {@code _run_tick}. */
final class TickProcessor {

    static final int CANDLE_MINUTES = 60;
    static final int CANDLE_COUNT = 200;

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
    private final OrderPlanner planner;
    private final PairRules rules;
    private final Portfolio portfolio;
    private final Journals journals;
    private final Clock clock;
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
        this.planner = planner;
        this.rules = rules;
        this.portfolio = portfolio;
        this.journals = journals;
        this.clock = parts.clock();
        this.authFailures = new AuthFailureAlert(parts.safety(), parts.clock());
    }

    TickReport tick(Symbol symbol) {
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
     * Steps 3 to 5 of a tick on a fresh ticker: a valid price, open orders brought up to date, the
     * price and spread anomaly checks and the circuit breaker.
     *
     * @return the report when the tick ends here, empty when it goes on to the strategy
     */
    Optional<TickReport> checkMarket(MarketData market) {
        Symbol symbol = market.symbol();
        if (market.price() == null || market.price().signum() <= 0) {
            return Optional.of(report(symbol, market.price(), null, TickAction.NO_PRICE, "no valid trade price"));
        }
        portfolio.observe(symbol, market.price());
        reconciler.syncOpenOrders(market);
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
     * turn the signal into an order through the execution engine.
     *
     * @param candles the candles the signal was computed from, for the advisor
     */
    TickReport decide(Signal signal, MarketData market, List<Candle> candles) {
        journals.signal(signal, store, clock.instant());
        BalanceSnapshot balances = broker.balances();
        AccountState account = accountState(market, balances);
        advisor.advise(signal, market, account, candles);
        return act(signal, market, account, balances);
    }

    private TickReport act(Signal signal, MarketData market, AccountState account, BalanceSnapshot balances) {
        Symbol symbol = signal.symbol();
        BigDecimal tick = rules.tick(symbol, market.price());
        OrderPlanner.Plan plan =
                switch (signal.type()) {
                    case HOLD -> null;
                    case BUY -> planner.buy(
                            signal,
                            market.price(),
                            tick,
                            rules.minTotal(symbol, io.cointrader.core.Side.BUY),
                            account,
                            clock.instant());
                    case SELL -> planner.sell(
                            signal,
                            market.price(),
                            tick,
                            rules.minTotal(symbol, io.cointrader.core.Side.SELL),
                            balances.of(symbol.base()).free(),
                            clock.instant());
                };
        if (plan == null) {
            return report(symbol, market.price(), signal, TickAction.HOLD, signal.reason());
        }
        if (plan.intent().isEmpty()) {
            return report(symbol, market.price(), signal, TickAction.NO_ORDER, plan.reason());
        }
        Optional<String> blocked = entries.reason();
        if (blocked.isPresent() && plan.intent().get().side() == io.cointrader.core.Side.BUY) {
            return report(symbol, market.price(), signal, TickAction.BLOCKED, "no new entries: " + blocked.get());
        }
        ExecutionResult result = engine.execute(plan.intent().get(), account);
        TickAction action = result.placed() ? TickAction.ORDER : TickAction.BLOCKED;
        return report(
                symbol,
                market.price(),
                signal,
                action,
                Describe.execution(plan.intent().get(), result));
    }

    private AccountState accountState(MarketData market, BalanceSnapshot balances) {
        List<Position> positions = broker.positions();
        Instant now = clock.instant();
        BigDecimal equity = portfolio.equity(balances, positions);
        store.saveAccountSnapshot(new AccountSnapshot(balances, positions, equity, now));
        journals.balances(balances, positions, equity);
        startDayIfNew(equity, now);
        Map<Symbol, Position> bySymbol =
                positions.stream().collect(Collectors.toMap(Position::symbol, Function.identity()));
        return new AccountState(equity, dayStartEquity, market.price(), bySymbol, store.openOrders());
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
                            + " after rate-limit violations; no calls are made until then",
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
        return new TickReport(clock.instant(), symbol, price, signal, action, detail);
    }
}
