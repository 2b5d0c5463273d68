package io.cointrader.exchange.replay;

import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeAdapter;
import io.cointrader.exchange.ExchangeUnavailableException;
import io.cointrader.exchange.MarketInfo;
import io.cointrader.exchange.OrderBook;
import io.cointrader.exchange.OrderRejectedException;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Serves a {@link History} through the exchange port as it looked at the clock's time. At time t the
 * newest candle of a symbol is the one that opened before t (a candle exists once it has started);
 * while t is inside it, it is <i>forming</i> (see {@link CandlePath}) and nothing later is visible, so
 * callers never see the future. At the instant a candle closes it is the newest one, complete, and the
 * price is its close: a clock stepped on candle boundaries sees every candle exactly once, complete,
 * as a backtest does. Inside a gap the newest candle is the last one before t and the price is its
 * close; no candle is invented. After the end of a symbol's history the ticker is unavailable.
 *
 * <p>The data has no quotes, so bid and ask are synthetic: one tick below and above the price, and
 * the order book is that single level with a depth of {@link #SYNTHETIC_DEPTH} base units, far
 * more than any order of this system, so that depth never limits a paper fill.
 *
 * <p>Calls cost O(log n + count): a binary search by time, then only the candles returned (at most
 * the 24 of the current UTC day for the ticker). Safe for concurrent readers.
 */
public final class ReplayExchange implements ExchangeAdapter {

    /** The only candle length served, in minutes. */
    public static final int INTERVAL_MINUTES = 60;

    /** Most candles one call returns, as on Upbit. */
    public static final int MAX_CANDLES = 200;

    /** Size of each side of the synthetic order book, in base units. */
    public static final BigDecimal SYNTHETIC_DEPTH = new BigDecimal("1000000000");

    /**
     * How far after {@link #dataStart} a run starts by default: 48 hours give the strategy at least
     * its 36 candles of warm-up (with room for gaps) and a complete previous UTC day, so that
     * prevClose and the circuit breaker have a reference; the extra 59 minutes put every hourly tick
     * one minute before its candle closes, when the forming candle is almost complete.
     */
    public static final Duration DEFAULT_START_OFFSET = Duration.ofHours(48).plusMinutes(59);

    /** Names of the bundled markets as Upbit lists them; other markets use their base code. */
    private static final Map<String, String[]> NAMES = Map.of(
            "BTC", new String[] {"비트코인", "Bitcoin"},
            "ETH", new String[] {"이더리움", "Ethereum"},
            "XRP", new String[] {"엑스알피(리플)", "XRP"},
            "SOL", new String[] {"솔라나", "Solana"});

    private static final BigDecimal BELOW = new BigDecimal("1E-12");

    private final History history;
    private final Clock clock;
    private final ReplayFaults faults;

    /** A replay without injected faults. */
    public ReplayExchange(History history, Clock clock) {
        this(history, clock, new ReplayFaults());
    }

    /** A replay whose faults the caller scripts through {@code faults}. */
    public ReplayExchange(History history, Clock clock, ReplayFaults faults) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    @Override
    public String name() {
        return "replay";
    }

    /**
     * @throws OrderRejectedException when the history has no such symbol
     * @throws ExchangeUnavailableException before the symbol's first candle, after its last one, or
     *     when a fault is injected
     */
    @Override
    public MarketData ticker(Symbol symbol) {
        faults.beforeTicker(symbol);
        CandleSeries series = series(symbol);
        Instant now = clock.instant();
        int index = requirePriced(series, now);
        Candle newest = newestAt(series, index, now);
        BigDecimal price = faults.takePriceOverride(symbol).orElse(newest.close());
        int firstOfDay = series.indexAtOrAfter(now.truncatedTo(ChronoUnit.DAYS));
        BigDecimal prevClose = firstOfDay > 0 ? series.get(firstOfDay - 1).close() : null;
        BigDecimal open = price;
        BigDecimal high = price;
        BigDecimal low = price;
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = firstOfDay; i <= index; i++) {
            Candle candle = i == index ? newest : series.get(i);
            open = i == firstOfDay ? candle.open() : open;
            high = high.max(candle.high());
            low = low.min(candle.low());
            volume = volume.add(candle.volume());
        }
        return new MarketData(symbol, price, open, high, low, volume, prevClose, bid(price), ask(price), now);
    }

    /**
     * The newest {@code count} hourly candles that opened before now, ascending; the last
     * may be forming. Empty before the symbol's first candle.
     *
     * @throws IllegalArgumentException for an interval other than 60 minutes or a count outside
     *     1..200
     */
    @Override
    public List<Candle> candles(Symbol symbol, int intervalMinutes, int count) {
        if (intervalMinutes != INTERVAL_MINUTES) {
            throw new IllegalArgumentException(
                    "replay serves 60-minute candles only, asked for " + intervalMinutes + "-minute candles");
        }
        if (count < 1 || count > MAX_CANDLES) {
            throw new IllegalArgumentException("candle count must be 1.." + MAX_CANDLES + ", got " + count);
        }
        faults.beforeCandles(symbol);
        CandleSeries series = series(symbol);
        Instant now = clock.instant();
        int newest = series.indexBefore(now);
        int oldest = Math.max(0, newest - count + 1);
        List<Candle> result = new ArrayList<>(newest - oldest + 1);
        for (int i = oldest; i < newest; i++) {
            result.add(series.get(i));
        }
        if (newest >= 0) {
            result.add(newestAt(series, newest, now));
        }
        return Collections.unmodifiableList(result);
    }

    /** One synthetic level around the path price (see the class description). */
    @Override
    public OrderBook orderBook(Symbol symbol) {
        CandleSeries series = series(symbol);
        Instant now = clock.instant();
        BigDecimal price = newestAt(series, requirePriced(series, now), now).close();
        OrderBook.Level level = new OrderBook.Level(ask(price), SYNTHETIC_DEPTH, bid(price), SYNTHETIC_DEPTH);
        return new OrderBook(symbol, List.of(level), now);
    }

    @Override
    public List<MarketInfo> markets() {
        return history.symbols().stream()
                .map(s -> {
                    String[] names = NAMES.getOrDefault(s.base(), new String[] {s.base(), s.base()});
                    return new MarketInfo(s, names[0], names[1]);
                })
                .toList();
    }

    /** The symbols with history, ordered by market code. */
    public Set<Symbol> symbols() {
        return history.symbols();
    }

    /** The latest first-candle open time among {@code symbols}: from here on all of them have prices. */
    public Instant dataStart(Collection<Symbol> symbols) {
        return requireSome(symbols).stream()
                .map(s -> series(s).first().openTime())
                .max(Instant::compareTo)
                .orElseThrow();
    }

    /** The earliest end (last open time + 60 minutes) among {@code symbols}. */
    public Instant dataEnd(Collection<Symbol> symbols) {
        return requireSome(symbols).stream()
                .map(s -> series(s).end())
                .min(Instant::compareTo)
                .orElseThrow();
    }

    /**
     * Where a run over {@code symbols} starts unless told otherwise: {@link #DEFAULT_START_OFFSET}
     * after {@link #dataStart}.
     *
     * @throws ReplayDataException when the shared history is too short for that
     */
    public Instant defaultStart(Collection<Symbol> symbols) {
        Instant start = dataStart(symbols).plus(DEFAULT_START_OFFSET);
        Instant end = dataEnd(symbols);
        if (!start.isBefore(end)) {
            throw new ReplayDataException("the replay history shared by " + symbols + " ends at " + end
                    + ", before the default start " + start + " (48 h of warm-up after its start)");
        }
        return start;
    }

    private CandleSeries series(Symbol symbol) {
        return history.series(symbol).orElseThrow(() -> new OrderRejectedException("no replay history for " + symbol));
    }

    private static Collection<Symbol> requireSome(Collection<Symbol> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is needed");
        }
        return symbols;
    }

    private static int requirePriced(CandleSeries series, Instant now) {
        int index = series.indexBefore(now);
        if (index < 0) {
            throw new ExchangeUnavailableException("no price yet for " + series.symbol() + " at " + now
                    + ": its replay history starts at " + series.first().openTime());
        }
        if (now.isAfter(series.end())) {
            throw new ExchangeUnavailableException(
                    "replay history of " + series.symbol() + " ended at " + series.end() + ", now is " + now);
        }
        return index;
    }

    /** Candle {@code index} as seen at {@code now}: forming while now is inside it, else complete. */
    private static Candle newestAt(CandleSeries series, int index, Instant now) {
        Candle candle = series.get(index);
        Duration elapsed = Duration.between(candle.openTime(), now);
        return elapsed.compareTo(CandleSeries.INTERVAL) < 0 ? CandlePath.formingAt(candle, elapsed.toNanos()) : candle;
    }

    private static BigDecimal bid(BigDecimal price) {
        // The tick below a grid boundary is the finer one (1,000,000 -> 999,500).
        BigDecimal bid = price.subtract(TickSize.krwTick(price.subtract(BELOW)));
        return bid.signum() > 0 ? bid : null;
    }

    private static BigDecimal ask(BigDecimal price) {
        return price.add(TickSize.krwTick(price));
    }
}
