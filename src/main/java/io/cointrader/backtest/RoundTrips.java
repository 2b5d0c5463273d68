package io.cointrader.backtest;

import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits the fills of a run into round trips, symbol by symbol. */
final class RoundTrips {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RoundTrips() {}

    /** The round trips of a result, open ones valued at the last price of their series. */
    static List<RoundTrip> of(BacktestResult result) {
        Map<Symbol, BigDecimal> lastPrices = new HashMap<>();
        for (SymbolSeries s : result.series()) {
            if (s.size() > 0) {
                lastPrices.put(s.symbol(), BigDecimal.valueOf(s.close()[s.size() - 1]));
            }
        }
        long[] times = result.equity().times();
        Instant end = times.length == 0 ? result.spec().to() : Instant.ofEpochSecond(times[times.length - 1]);
        return of(result.fills(), lastPrices, end);
    }

    /**
     * The round trips in the order they were opened.
     *
     * @param lastPrices the price to value a position still held at {@code end}; a symbol without
     *     one is valued at the price of its last fill
     * @throws IllegalArgumentException when a fill sells more than is held
     */
    static List<RoundTrip> of(List<Fill> fills, Map<Symbol, BigDecimal> lastPrices, Instant end) {
        Map<Symbol, Trade> open = new LinkedHashMap<>();
        Map<Symbol, BigDecimal> lastFillPrice = new HashMap<>();
        List<RoundTrip> trips = new ArrayList<>();
        for (Fill fill : fills) {
            lastFillPrice.put(fill.symbol(), fill.price());
            Trade trade = open.get(fill.symbol());
            if (fill.side() == Side.BUY) {
                if (trade == null) {
                    trade = new Trade(fill.symbol(), fill.time());
                    open.put(fill.symbol(), trade);
                }
                trade.buy(fill);
            } else {
                if (trade == null || fill.quantity().compareTo(trade.position) > 0) {
                    throw new IllegalArgumentException("fill " + fill.fillId() + " sells "
                            + fill.quantity().toPlainString() + " " + fill.symbol() + " but "
                            + (trade == null ? "0" : trade.position.toPlainString()) + " is held");
                }
                trade.sell(fill);
                if (trade.position.signum() == 0) {
                    trips.add(trade.closed());
                    open.remove(fill.symbol());
                }
            }
        }
        for (Trade trade : open.values()) {
            BigDecimal price = lastPrices.getOrDefault(trade.symbol, lastFillPrice.get(trade.symbol));
            trips.add(trade.openAt(price, end));
        }
        trips.sort(Comparator.comparing(RoundTrip::entryTime));
        return List.copyOf(trips);
    }

    /** A trade being built from its fills. */
    private static final class Trade {
        private final Symbol symbol;
        private final Instant entryTime;
        private BigDecimal position = BigDecimal.ZERO;
        private BigDecimal bought = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;
        private BigDecimal buyFees = BigDecimal.ZERO;
        private BigDecimal proceeds = BigDecimal.ZERO;
        private BigDecimal fees = BigDecimal.ZERO;
        private Instant lastSell;

        Trade(Symbol symbol, Instant entryTime) {
            this.symbol = symbol;
            this.entryTime = entryTime;
        }

        void buy(Fill fill) {
            position = position.add(fill.quantity());
            bought = bought.add(fill.quantity());
            cost = cost.add(fill.notional());
            buyFees = buyFees.add(fill.fee());
            fees = fees.add(fill.fee());
        }

        void sell(Fill fill) {
            position = position.subtract(fill.quantity());
            proceeds = proceeds.add(fill.notional());
            fees = fees.add(fill.fee());
            lastSell = fill.time();
        }

        RoundTrip closed() {
            return trip(RoundTrip.Status.CLOSED, proceeds, lastSell);
        }

        RoundTrip openAt(BigDecimal lastPrice, Instant end) {
            return trip(RoundTrip.Status.OPEN, proceeds.add(position.multiply(lastPrice)), end);
        }

        private RoundTrip trip(RoundTrip.Status status, BigDecimal exitValue, Instant exitTime) {
            BigDecimal pnl = exitValue.subtract(cost).subtract(fees);
            BigDecimal basis = cost.add(buyFees);
            return new RoundTrip(
                    symbol,
                    status,
                    entryTime,
                    perUnit(cost),
                    exitTime,
                    perUnit(exitValue),
                    bought,
                    pnl,
                    pnl.multiply(HUNDRED).divide(basis, 4, RoundingMode.HALF_EVEN),
                    fees);
        }

        private BigDecimal perUnit(BigDecimal amount) {
            return amount.divide(bought, MathContext.DECIMAL64).stripTrailingZeros();
        }
    }
}
