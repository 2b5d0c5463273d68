package io.cointrader.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * How one equity curve did: the strategy's or buy-and-hold's over the same window.
 *
 * @param initialEquity the starting cash
 * @param finalEquity equity after the last step, positions at the last prices
 * @param fees fees paid, in the quote currency
 * @param totalReturnPct final over initial equity, minus one, in percent
 * @param cagrPct the total return compounded per year of calendar time between the first and the
 *     last step (365.25 days a year); still annualised when the window is shorter than a year;
 *     {@code NaN} when the window has no length
 * @param maxDrawdownPct the deepest fall from a running peak, in percent of the peak (0..100)
 * @param longestDrawdown the longest time from a peak until the equity is back at it, or until the
 *     last step when it never is
 * @param sharpe annualised Sharpe ratio of hourly returns (see {@link HourlyReturns}); {@code NaN}
 *     when undefined
 * @param sortino annualised Sortino ratio of hourly returns; {@code NaN} when no hour lost
 */
public record Performance(
        BigDecimal initialEquity,
        BigDecimal finalEquity,
        BigDecimal fees,
        double totalReturnPct,
        double cagrPct,
        double maxDrawdownPct,
        Duration longestDrawdown,
        double sharpe,
        double sortino) {

    static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    public Performance {
        Objects.requireNonNull(initialEquity, "initialEquity");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(longestDrawdown, "longestDrawdown");
    }

    /** Measures a curve in one pass over its points. */
    static Performance of(
            BigDecimal initialEquity, BigDecimal finalEquity, BigDecimal fees, long[] times, double[] values) {
        DrawdownTracker drawdown = new DrawdownTracker();
        HourlyReturns hourly = new HourlyReturns();
        for (int i = 0; i < times.length; i++) {
            drawdown.add(times[i], values[i]);
            hourly.add(times[i], values[i]);
        }
        hourly.finish();
        double growth = growth(initialEquity, finalEquity);
        double years = times.length < 2 ? 0 : (times[times.length - 1] - times[0]) / SECONDS_PER_YEAR;
        return new Performance(
                initialEquity,
                finalEquity,
                fees,
                (growth - 1) * 100,
                cagrPct(growth, years),
                drawdown.maxDepthPct(),
                Duration.ofSeconds(drawdown.longestSeconds()),
                hourly.sharpe(),
                hourly.sortino());
    }

    private static double growth(BigDecimal initial, BigDecimal fin) {
        if (initial.signum() <= 0) {
            return Double.NaN;
        }
        return fin.divide(initial, MathContext.DECIMAL64).doubleValue();
    }

    static double cagrPct(double growth, double years) {
        if (!(years > 0) || Double.isNaN(growth)) {
            return Double.NaN;
        }
        if (growth <= 0) {
            return -100;
        }
        return (Math.pow(growth, 1 / years) - 1) * 100;
    }
}
