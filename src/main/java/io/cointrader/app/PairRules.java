package io.cointrader.app;

import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.TickSize;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-pair trading rules: the price tick and the minimum order total. Loaded from the exchange at start
 * and again once a day; the KRW table (upbit-api.md section 6) is the fallback. A tick read from the
 * exchange holds only for the price band it was read in, so the larger of it and the table's tick for
 * the current price is used: that stays on the grid when the price moves across a band.
 */
final class PairRules {

    private static final Logger LOG = LoggerFactory.getLogger(PairRules.class);
    static final Duration RELOAD_EVERY = Duration.ofDays(1);

    /** Where the rules come from; either function may throw, and then the fallback applies. */
    record Source(
            Function<Collection<Symbol>, Map<Symbol, BigDecimal>> tickSizes,
            Function<Symbol, BigDecimal> minBidTotal,
            Function<Symbol, BigDecimal> minAskTotal) {

        static Source table() {
            return new Source(
                    symbols -> Map.of(), s -> TickSize.KRW_MIN_ORDER_TOTAL, s -> TickSize.KRW_MIN_ORDER_TOTAL);
        }
    }

    private final Source source;
    private final List<Symbol> symbols;
    private final Clock clock;
    private final Map<Symbol, BigDecimal> ticks = new HashMap<>();
    private final Map<Symbol, BigDecimal[]> minimums = new HashMap<>();
    private Instant loadedAt;

    PairRules(Source source, List<Symbol> symbols, Clock clock) {
        this.source = source;
        this.symbols = List.copyOf(symbols);
        this.clock = clock;
    }

    BigDecimal tick(Symbol symbol, BigDecimal price) {
        reloadIfStale();
        BigDecimal table = TickSize.krwTick(price);
        BigDecimal loaded = ticks.get(symbol);
        return loaded == null ? table : loaded.max(table);
    }

    BigDecimal minTotal(Symbol symbol, Side side) {
        reloadIfStale();
        BigDecimal[] pair = minimums.get(symbol);
        BigDecimal min = pair == null ? null : pair[side == Side.BUY ? 0 : 1];
        return min == null ? TickSize.KRW_MIN_ORDER_TOTAL : min.max(BigDecimal.ONE);
    }

    private void reloadIfStale() {
        Instant now = clock.instant();
        if (loadedAt != null && Duration.between(loadedAt, now).compareTo(RELOAD_EVERY) < 0) {
            return;
        }
        loadedAt = now;
        try {
            ticks.putAll(source.tickSizes().apply(symbols));
        } catch (RuntimeException e) {
            LOG.warn("tick sizes unavailable, using the KRW table: {}", e.getMessage());
        }
        for (Symbol symbol : symbols) {
            try {
                minimums.put(symbol, new BigDecimal[] {
                    source.minBidTotal().apply(symbol), source.minAskTotal().apply(symbol)
                });
            } catch (RuntimeException e) {
                LOG.warn("order minimums for {} unavailable, using 5,000 KRW: {}", symbol, e.getMessage());
            }
        }
    }
}
