package io.cointrader.app;

import io.cointrader.backtest.BacktestResult;
import io.cointrader.backtest.BacktestSpec;
import io.cointrader.backtest.CandleColumns;
import io.cointrader.backtest.EquityCurve;
import io.cointrader.backtest.SymbolSeries;
import io.cointrader.broker.PaperBroker;
import io.cointrader.core.Fill;
import io.cointrader.core.MarketData;
import io.cointrader.core.Order;
import io.cointrader.core.Position;
import io.cointrader.core.RiskDecisionRecord;
import io.cointrader.core.SafetyEvent;
import io.cointrader.core.Signal;
import io.cointrader.core.SignalType;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import io.cointrader.exchange.replay.ReplayClock;
import io.cointrader.execution.CrashHook;
import io.cointrader.execution.ExecutionEngine;
import io.cointrader.execution.ExecutionHooks;
import io.cointrader.execution.IntentIds;
import io.cointrader.execution.Reconciler;
import io.cointrader.execution.ReconcilerOptions;
import io.cointrader.execution.TradeListener;
import io.cointrader.risk.RiskManager;
import io.cointrader.safety.AnomalyMonitor;
import io.cointrader.safety.CircuitBreaker;
import io.cointrader.safety.KillSwitch;
import io.cointrader.safety.SafetyEventSink;
import io.cointrader.state.StateStore;
import io.cointrader.strategy.ConservativeParameters;
import io.cointrader.strategy.ConservativeStrategy;
import io.cointrader.strategy.ConservativeTrack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Runs the trading loop's own parts over historical candles: the same strategy, risk manager,
 * execution engine, paper broker, anomaly monitor and circuit breaker as {@code trader run}, through
 * the same {@link TickProcessor} steps, on a simulated clock stepped from candle close to candle close.
 * The result is what the loop would have done on a replay clock set to the same steps.
 *
 * <p>Most candles change nothing but the indicators: no signal to act on, no open order, no price near
 * an anomaly or circuit-breaker threshold, no new trading day. Those take an allocation-free path
 * (screens in {@code double}, the strategy's {@link ConservativeTrack}); every other candle goes
 * through the full tick with exact decimals. The screens only ever send a candle to the full path,
 * never away from it, so both paths decide alike. Nothing is written per candle; the store is in
 * memory and read at the end.
 */
final class Backtester {

    private static final long DAY_SECONDS = 86_400;

    private final BacktestSpec spec;
    private final List<CandleColumns> columns;
    private final BacktestParts parts;
    private final LongConsumer progress;

    Backtester(BacktestSpec spec, Map<Symbol, CandleColumns> data, BacktestParts parts, LongConsumer progress) {
        this.spec = spec;
        this.columns = spec.symbols().stream().map(data::get).toList();
        this.parts = parts;
        this.progress = progress;
    }

    BacktestResult run() {
        long started = System.nanoTime();
        Run run = new Run();
        run.steps();
        return run.result(Duration.ofNanos(System.nanoTime() - started));
    }

    /** The state of one run: cursors, cached account flags and the recorded series. */
    private final class Run {
        final int symbolCount = columns.size();
        final long first = spec.from().getEpochSecond();
        final long step = spec.interval().toSeconds();
        final int stepCount = (int) ((spec.to().getEpochSecond() - first) / step) + 1;
        final long[] times = new long[stepCount];
        final double[] equity = new double[stepCount];
        final double[][] close = new double[symbolCount][stepCount];
        final double[][] fast = new double[symbolCount][stepCount];
        final double[][] slow = new double[symbolCount][stepCount];
        final int[] newest = new int[symbolCount];
        final int[] at = new int[symbolCount];
        final int[] folded = new int[symbolCount];
        final boolean[] started = new boolean[symbolCount];
        final double[] previousPrice = new double[symbolCount];
        final double[] prevClose = new double[symbolCount];
        final boolean[] held = new boolean[symbolCount];
        final boolean[] invested = new boolean[symbolCount];
        final boolean[] sellable = new boolean[symbolCount];
        final boolean[] openOrders = new boolean[symbolCount];
        final double[] highestBuyLimit = new double[symbolCount];
        final double[] lowestSellLimit = new double[symbolCount];
        final double[] quantity = new double[symbolCount];
        final boolean[] dust = new boolean[symbolCount];
        final long[] orderExpiry = new long[symbolCount];
        final boolean[] exitPending = new boolean[symbolCount];
        final boolean[] exitWatch = new boolean[symbolCount];
        final double minOrderTotal = TickSize.KRW_MIN_ORDER_TOTAL.doubleValue();
        final ConservativeTrack[] tracks = new ConservativeTrack[symbolCount];
        final CandleColumns[] candles = columns.toArray(new CandleColumns[0]);
        final AnomalyMonitor anomalies = parts.anomalies();
        final CircuitBreaker breaker = parts.circuitBreaker();
        long nextDay = Long.MIN_VALUE;
        double cash;
        long day = Long.MIN_VALUE;
        long recordedDay = Long.MIN_VALUE;
        long exposedSteps;

        Run() {
            java.util.Arrays.fill(newest, -1);
            java.util.Arrays.fill(folded, -1);
            java.util.Arrays.fill(previousPrice, Double.NaN);
            java.util.Arrays.fill(orderExpiry, Long.MAX_VALUE);
            for (int s = 0; s < symbolCount; s++) {
                tracks[s] = parts.strategy().track(columns.get(s).symbol());
            }
            cash = spec.initialCash().doubleValue();
        }

        /**
         * All steps. The first step of a trading day ticks every symbol in order, as the loop does.
         * Within a day each symbol runs ahead on its own through the steps it can take quietly, up to
         * the first step that needs its full tick: a quiet tick reads and changes nothing but the
         * symbol's own indicators and cursors, so symbols need not wait for each other there. The
         * earliest such step is then taken by every symbol that stands at it, in symbol order, with the
         * account as the steps before it left it.
         */
        void steps() {
            int reportEvery = Math.max(1, stepCount / 200);
            int k = 0;
            while (k < stepCount) {
                long now = first + k * step;
                int next;
                if (now >= nextDay) {
                    newDay(now);
                    tickAll(k, now);
                    next = k + 1;
                } else {
                    int dayEnd = (int) Math.min(stepCount, -Math.floorDiv(first - nextDay, step));
                    int event = dayEnd;
                    for (int s = 0; s < symbolCount; s++) {
                        if (at[s] == k) {
                            at[s] = runQuiet(s, k, dayEnd);
                        }
                        event = Math.min(event, at[s]);
                    }
                    recordEquity(k, event);
                    if (event < dayEnd) {
                        tickAll(event, first + event * step);
                        next = event + 1;
                    } else {
                        next = event;
                    }
                }
                if (next / reportEvery != k / reportEvery || next == stepCount) {
                    progress.accept(next);
                }
                k = next;
            }
        }

        /** Step {@code k} for every symbol that has not taken it yet, in symbol order, then the equity. */
        private void tickAll(int k, long now) {
            for (int s = 0; s < symbolCount; s++) {
                if (at[s] == k) {
                    tick(s, now, k);
                    at[s] = k + 1;
                }
            }
            recordEquity(k, k + 1);
        }

        /**
         * Quiet ticks of symbol {@code s} from step {@code from} while they are quiet, before {@code
         * limit}; returns the first step it did not take. The loop holds the symbol's cursors in locals
         * and is one method, so that the compiler sees the whole of a quiet tick at once.
         */
        private int runQuiet(int s, int from, int limit) {
            if (recordedDay != day) {
                return from; // the day's equity has not been taken yet: the next tick must
            }
            CandleColumns c = candles[s];
            ConservativeTrack track = tracks[s];
            double[] prices = close[s];
            double[] fastEma = fast[s];
            double[] slowEma = slow[s];
            int i = newest[s];
            double previous = previousPrice[s];
            int k = from;
            for (; k < limit; k++) {
                long now = first + k * step;
                int candle = advance(c, i, now);
                double price = c.close(candle);
                if (!screensPass(s, candle, price, previous, now)) {
                    break;
                }
                if (acts(s, evaluate(s, c, candle, price))) {
                    break;
                }
                i = candle;
                previous = price;
                prices[k] = price;
                fastEma[k] = track.fastEma();
                slowEma[k] = track.slowEma();
            }
            newest[s] = i;
            previousPrice[s] = previous;
            return k;
        }

        /**
         * Equity after steps {@code from} to {@code to} (exclusive), in which no symbol had a full
         * tick, so that cash and quantities stayed as they are.
         */
        private void recordEquity(int from, int to) {
            boolean exposed = false;
            for (int s = 0; s < symbolCount; s++) {
                exposed |= held[s];
            }
            for (int k = from; k < to; k++) {
                double value = cash;
                for (int s = 0; s < symbolCount; s++) {
                    value += quantity[s] * close[s][k];
                }
                times[k] = first + k * step;
                equity[k] = value;
            }
            if (exposed) {
                exposedSteps += to - from;
            }
        }

        private void newDay(long now) {
            day = Math.floorDiv(now, DAY_SECONDS);
            nextDay = (day + 1) * DAY_SECONDS;
            for (int s = 0; s < symbolCount; s++) {
                int last = columns.get(s).indexBefore(day * DAY_SECONDS);
                prevClose[s] = last >= 0 ? columns.get(s).close(last) : Double.NaN;
            }
        }

        /** The newest candle of {@code c} that has opened before {@code now}, from {@code i} on. */
        private static int advance(CandleColumns c, int i, long now) {
            while (i + 1 < c.size() && c.openSecond(i + 1) < now) {
                i++;
            }
            return i;
        }

        /**
         * The screens of the quiet path: the symbol's strategy has started and sees no gap, no open
         * order can fill at {@code price} or has reached its timeout at {@code now}, no sell is to be
         * placed again and no protective exit watches the position, the position is nowhere near the
         * line between a position and dust, and the price is nowhere near an anomaly or circuit-breaker
         * threshold.
         */
        private boolean screensPass(int s, int i, double price, double previousPrice, long now) {
            return started[s]
                    && (!openOrders[s] || (restsAt(s, price) && now < orderExpiry[s]))
                    && !exitPending[s]
                    && !exitWatch[s]
                    && !nearDustLine(s, price)
                    && i - folded[s] <= TickProcessor.CANDLE_COUNT - 1
                    && !anomalies.mayFlagPrice(price, previousPrice)
                    && !breaker.mayTrip(price, prevClose[s]);
        }

        /**
         * Whether the position could be on the other side of the dust line at {@code price} than it was
         * at the last full tick: then the full tick must decide whether it is a position or dust.
         */
        private boolean nearDustLine(int s, double price) {
            double value = quantity[s] * price;
            return quantity[s] > 0
                    && (dust[s] ? value >= minOrderTotal * (1 - 1e-9) : value < minOrderTotal * (1 + 1e-9));
        }

        /**
         * One tick of symbol {@code s} at step {@code k}: the quiet path when the screens pass and the
         * signal cannot lead to an order, else the loop's full tick.
         */
        private void tick(int s, long now, int k) {
            CandleColumns c = candles[s];
            int previous = newest[s];
            int i = advance(c, previous, now);
            newest[s] = i;
            double price = c.close(i);
            close[s][k] = price;
            boolean quiet = screensPass(s, i, price, previousPrice[s], now);
            previousPrice[s] = price;
            if (quiet) {
                SignalType type = evaluate(s, c, i, price);
                if (!acts(s, type)) {
                    if (recordedDay != day) {
                        startDay(s, c, i, previous, now, k);
                    }
                    fast[s][k] = tracks[s].fastEma();
                    slow[s][k] = tracks[s].slowEma();
                    return;
                }
                full(s, c, i, previous, now, k, true);
            } else {
                full(s, c, i, previous, now, k, false);
            }
            fast[s][k] = tracks[s].fastEma();
            slow[s][k] = tracks[s].slowEma();
        }

        /**
         * Whether no open order of the symbol can fill at {@code price}: a buy fills at or below its
         * limit, a sell at or above. The doubles come from the exact decimals by correctly rounded
         * conversion, which keeps order, so a strict comparison of doubles is exact.
         */
        private boolean restsAt(int s, double price) {
            return price > highestBuyLimit[s] && price < lowestSellLimit[s];
        }

        /** Folds the closed candles the track has not seen and evaluates candle {@code i}. */
        private SignalType evaluate(int s, CandleColumns c, int i, double price) {
            ConservativeTrack track = tracks[s];
            for (int j = folded[s] + 1; j < i; j++) {
                track.fold(c.openSecond(j), c.high(j), c.low(j), c.close(j), c.volume(j));
            }
            folded[s] = Math.max(folded[s], i - 1);
            return track.evaluate(c.high(i), c.low(i), c.close(i), c.volume(i), price);
        }

        /**
         * Whether the signal can lead to an order, so that the full tick is needed to find out: a BUY
         * unless the planner refuses it for a symbol already held or bought, a SELL when some of the
         * position is free to sell (the planner sells the free quantity only).
         */
        private boolean acts(int s, SignalType type) {
            return (type == SignalType.BUY && !invested[s]) || (type == SignalType.SELL && sellable[s]);
        }

        /**
         * The loop's tick from the ticker on, for candle {@code i} of symbol {@code s}; {@code previous}
         * is the candle of the symbol's previous tick, -1 before its first.
         */
        private void full(int s, CandleColumns c, int i, int previous, long now, int k, boolean evaluated) {
            setClock(now);
            rememberLastPrices(s, previous, k);
            MarketData market = ColumnsExchange.marketData(c, i, now);
            TickProcessor ticks = parts.ticks();
            Optional<TickReport> stopped = ticks.checkMarket(market);
            if (stopped.isEmpty()) {
                Signal signal = signal(s, c, i, market, evaluated);
                ticks.decide(signal, market, List.of());
                recordedDay = day;
            }
            refreshAccount(s, c.symbol());
        }

        /**
         * The first quiet tick of a trading day values the account for the day's starting equity,
         * as the loop's tick would in its step 8, without the rest of a full tick: the screens have
         * shown that nothing else changes (no fill, no safety event, no order).
         */
        private void startDay(int s, CandleColumns c, int i, int previous, long now, int k) {
            setClock(now);
            rememberLastPrices(s, previous, k);
            parts.portfolio().observe(c.symbol(), c.exactClose(i));
            parts.ticks().valueDayStart();
            recordedDay = day;
        }

        /**
         * The clock at the step's time, unless an order earlier in the same step waited for the order
         * rate and moved it on: time never runs backwards, as in the loop, whose later symbols tick after
         * such a wait.
         */
        private void setClock(long now) {
            Instant at = Instant.ofEpochSecond(now);
            if (parts.clock().instant().isBefore(at)) {
                parts.clock().set(at);
            }
        }

        /**
         * The quiet path does not tell the portfolio and the anomaly monitor every price; they need
         * them only in a full tick, so they learn them here, as the loop's ticks would have left them
         * at step {@code k}: the symbols before {@code s} at their price of step {@code k}, those after
         * it at their price of the step before (they may have run ahead since), and {@code s}, about to
         * tick, at the price of its previous tick.
         */
        private void rememberLastPrices(int s, int previous, int k) {
            for (int x = 0; x < symbolCount; x++) {
                CandleColumns c = candles[x];
                int index = x == s ? previous : c.indexBefore(first + (x < s ? k : k - 1) * step);
                if (index >= 0) {
                    parts.portfolio().observe(c.symbol(), c.exactClose(index));
                }
            }
            if (previous >= 0) {
                CandleColumns c = candles[s];
                parts.anomalies().notePrice(c.symbol(), c.exactClose(previous));
            }
        }

        private Signal signal(int s, CandleColumns c, int i, MarketData market, boolean evaluated) {
            if (!started[s] || i - folded[s] > TickProcessor.CANDLE_COUNT - 1) {
                // as the loop's first tick: the strategy builds its state from the newest 200 candles
                List<io.cointrader.core.Candle> window = parts.exchange()
                        .candles(c.symbol(), (int) spec.interval().toMinutes(), TickProcessor.CANDLE_COUNT);
                started[s] = true;
                folded[s] = i - 1;
                return parts.strategy().evaluate(c.symbol(), window, market);
            }
            if (!evaluated) {
                evaluate(s, c, i, c.close(i));
            }
            return tracks[s].signal(Instant.ofEpochSecond(c.openSecond(i)));
        }

        /** Positions, open orders and cash change only in a full tick: read them back after one. */
        private void refreshAccount(int s, Symbol symbol) {
            PaperBroker broker = parts.broker();
            TickProcessor ticks = parts.ticks();
            Map<Symbol, Position> tradable = new TreeMap<>(java.util.Comparator.comparing(Symbol::marketCode));
            Position position = null;
            for (Position p : broker.positions()) {
                if (!ticks.isDust(p.symbol(), parts.portfolio().value(p))) {
                    tradable.put(p.symbol(), p);
                }
                position = p.symbol().equals(symbol) ? p : position;
            }
            List<Order> open = parts.store().openOrders();
            boolean isPosition = tradable.containsKey(symbol);
            held[s] = position != null && position.quantity().signum() > 0;
            quantity[s] = position == null ? 0.0 : position.quantity().doubleValue();
            dust[s] = held[s] && !isPosition;
            invested[s] = OrderPlanner.invested(symbol, tradable, open);
            readOpenOrders(s, symbol, open);
            boolean sellOpen = lowestSellLimit[s] != Double.POSITIVE_INFINITY;
            exitPending[s] = isPosition && !sellOpen && parts.exits().retryPending(symbol);
            exitWatch[s] = isPosition && !sellOpen && parts.exits().protective().enabled();
            io.cointrader.core.BalanceSnapshot balances = broker.balances();
            sellable[s] = broker.sellable(symbol).signum() > 0;
            cash = balances.of(broker.quoteCurrency()).total().doubleValue();
        }

        private void readOpenOrders(int s, Symbol symbol, List<Order> open) {
            openOrders[s] = false;
            highestBuyLimit[s] = Double.NEGATIVE_INFINITY;
            lowestSellLimit[s] = Double.POSITIVE_INFINITY;
            orderExpiry[s] = Long.MAX_VALUE;
            for (Order o : open) {
                if (!o.symbol().equals(symbol)) {
                    continue;
                }
                openOrders[s] = true;
                orderExpiry[s] =
                        Math.min(orderExpiry[s], parts.timeouts().expiresAt(o).getEpochSecond());
                boolean limit = o.type() == io.cointrader.core.OrderType.LIMIT && o.price() != null;
                if (o.side() == io.cointrader.core.Side.BUY) {
                    highestBuyLimit[s] =
                            limit ? Math.max(highestBuyLimit[s], o.price().doubleValue()) : Double.POSITIVE_INFINITY;
                } else {
                    lowestSellLimit[s] =
                            limit ? Math.min(lowestSellLimit[s], o.price().doubleValue()) : Double.NEGATIVE_INFINITY;
                }
            }
        }

        BacktestResult result(Duration elapsed) {
            StateStore store = parts.store();
            List<SymbolSeries> series = new ArrayList<>();
            for (int s = 0; s < symbolCount; s++) {
                series.add(new SymbolSeries(columns.get(s).symbol(), times, close[s], fast[s], slow[s]));
            }
            List<Fill> fills = store.allFills();
            BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Order> orders = new ArrayList<>(store.recentOrders(Integer.MAX_VALUE, 0));
            java.util.Collections.reverse(orders);
            Map<String, Integer> rejections = new TreeMap<>();
            List<RiskDecisionRecord> decisions = store.recentRiskDecisions(Integer.MAX_VALUE);
            for (RiskDecisionRecord d : decisions) {
                if (!d.approved()) {
                    rejections.merge(d.check(), 1, Integer::sum);
                }
            }
            Map<String, Integer> events = new TreeMap<>();
            for (SafetyEvent e : store.recentSafetyEvents(Integer.MAX_VALUE)) {
                events.merge(e.type().name(), 1, Integer::sum);
            }
            rememberLastPrices(symbolCount - 1, newest[symbolCount - 1], stepCount - 1);
            BigDecimal finalEquity = parts.portfolio()
                    .equity(parts.broker().balances(), parts.broker().positions());
            return new BacktestResult(
                    spec,
                    new EquityCurve(times, equity),
                    series,
                    orders,
                    fills,
                    rejections,
                    events,
                    finalEquity,
                    fees,
                    exposedSteps,
                    (long) stepCount * symbolCount,
                    elapsed);
        }
    }

    /** The loop's parts as a backtest assembles them (see {@link #assemble}). */
    record BacktestParts(
            ReplayClock clock,
            io.cointrader.exchange.ExchangeAdapter exchange,
            StateStore store,
            PaperBroker broker,
            ConservativeStrategy strategy,
            AnomalyMonitor anomalies,
            CircuitBreaker circuitBreaker,
            Portfolio portfolio,
            TickProcessor ticks,
            OrderTimeouts timeouts,
            ExitPlanner exits) {}

    /**
     * The trading loop's components for a paper account in {@code store}, on {@code exchange} and the
     * simulated {@code clock}, with an in-memory kill switch and safety events kept in the store only.
     */
    static BacktestParts assemble(
            io.cointrader.config.Settings settings,
            BacktestSpec spec,
            io.cointrader.exchange.ExchangeAdapter exchange,
            StateStore store,
            ReplayClock clock) {
        PaperBroker broker = PaperBroker.fresh("KRW", spec.initialCash(), spec.feeRate(), clock);
        KillSwitch killSwitch = KillSwitch.inMemory(clock);
        SafetyEventSink safety = store::saveSafetyEvent;
        AnomalyMonitor anomalies = SystemBuilder.anomalyMonitor(settings, clock);
        CircuitBreaker breaker = new CircuitBreaker(settings.safety().circuitBreakerThresholdPct());
        RiskManager risk = new RiskManager(SystemBuilder.riskLimits(settings));
        ExecutionHooks hooks = new ExecutionHooks(CrashHook.NONE, TradeListener.NONE, Spacings.advancing(clock));
        ExecutionEngine engine =
                new ExecutionEngine(broker, risk, store, killSwitch, safety, new IntentIds("backtest"), clock, hooks);
        Reconciler reconciler = new Reconciler(broker, store, safety, clock, hooks, ReconcilerOptions.NONE);
        ConservativeStrategy strategy = new ConservativeStrategy(ConservativeParameters.defaults());
        OrderTimeouts timeouts = new OrderTimeouts(settings.orders(), engine, store, clock);
        ExitPlanner exits = new ExitPlanner(new ProtectiveExits(settings.exits(), store), store);
        TradingParts tradingParts = new TradingParts(
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
                AdvisorStep.none(),
                new EntryBlock(),
                timeouts,
                exits,
                clock);
        Portfolio portfolio = new Portfolio(broker.quoteCurrency());
        TickProcessor ticks = new TickProcessor(
                tradingParts,
                SystemBuilder.planner(settings),
                new PairRules(PairRules.Source.table(), spec.symbols(), clock),
                portfolio,
                Journals.quiet());
        return new BacktestParts(
                clock, exchange, store, broker, strategy, anomalies, breaker, portfolio, ticks, timeouts, exits);
    }
}
