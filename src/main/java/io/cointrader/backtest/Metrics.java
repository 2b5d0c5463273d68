package io.cointrader.backtest;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The numbers of a backtest next to buy-and-hold over the same window.
 *
 * @param strategy how the strategy's equity curve did
 * @param buyAndHold how buying every symbol at the start and holding did (see {@link BuyAndHold})
 * @param trades statistics of the closed round trips
 * @param roundTrips every round trip, in the order opened, open ones last valued at the last price
 * @param exposurePct steps after which a position was held, in percent of all steps
 * @param years calendar time between the first and the last step, in years of 365.25 days
 * @param rejections risk rejections by check name, sorted by name
 * @param safetyEvents safety events by type, sorted by name
 */
public record Metrics(
        Performance strategy,
        Performance buyAndHold,
        TradeStats trades,
        List<RoundTrip> roundTrips,
        double exposurePct,
        double years,
        Map<String, Integer> rejections,
        Map<String, Integer> safetyEvents) {

    public Metrics {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(buyAndHold, "buyAndHold");
        Objects.requireNonNull(trades, "trades");
        roundTrips = List.copyOf(roundTrips);
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        safetyEvents = Collections.unmodifiableMap(new TreeMap<>(safetyEvents));
    }

    /** Computes everything in a few passes over the curves; fast enough for millions of steps. */
    public static Metrics of(BacktestResult result) {
        BacktestSpec spec = result.spec();
        EquityCurve equity = result.equity();
        Performance strategy = Performance.of(
                spec.initialCash(), result.finalEquity(), result.feesPaid(), equity.times(), equity.values());
        BuyAndHold hold = BuyAndHold.of(result);
        Performance buyAndHold =
                Performance.of(spec.initialCash(), hold.finalEquity(), hold.fees(), hold.times(), hold.values());
        List<RoundTrip> trips = RoundTrips.of(result);
        long[] times = equity.times();
        double years = times.length < 2 ? 0 : (times[times.length - 1] - times[0]) / Performance.SECONDS_PER_YEAR;
        return new Metrics(
                strategy,
                buyAndHold,
                TradeStats.of(trips),
                trips,
                times.length == 0 ? 0 : 100.0 * result.exposedSteps() / times.length,
                years,
                result.rejections(),
                result.safetyEvents());
    }

    /** True when CAGR was annualised from less than a year of data, which overstates it. */
    public boolean annualisedFromShortWindow() {
        return years < 1;
    }

    public int rejectedOrders() {
        return rejections.values().stream().mapToInt(Integer::intValue).sum();
    }

    public BigDecimal feesPaid() {
        return strategy.fees();
    }
}
