package io.cointrader.backtest;

/**
 * Sharpe and Sortino ratios from hourly returns of an equity curve fed one point at a time. The
 * curve is resampled to the last value in each UTC hour; an hour without a point keeps the value
 * before it (the equity does not move between steps), so it contributes a zero return and
 * candles longer than an hour are annualised correctly. Risk-free rate 0, annualised with
 * √(24·365). Sharpe divides by the sample standard deviation; Sortino by the downside deviation
 * √(Σ min(r,0)² / n) over all returns (target 0). Mean and variance are kept with Welford's method
 * so millions of points neither box nor lose precision.
 */
final class HourlyReturns {

    static final double ANNUALISATION = Math.sqrt(24.0 * 365.0);
    private static final long HOUR = 3600;

    private boolean started;
    private long hour;
    private double current;
    private boolean hasPrevious;
    private double previous;

    private long count;
    private double mean;
    private double m2;
    private double downsideSquares;

    void add(long epochSecond, double value) {
        long h = Math.floorDiv(epochSecond, HOUR);
        if (!started) {
            started = true;
        } else if (h != hour) {
            closeHour();
            addZeros(h - hour - 1);
        }
        hour = h;
        current = value;
    }

    /** Closes the last hour; call once after the last point. */
    void finish() {
        if (started) {
            closeHour();
            started = false;
        }
    }

    long count() {
        return count;
    }

    double sharpe() {
        if (count < 2 || m2 <= 0) {
            return Double.NaN;
        }
        return mean / Math.sqrt(m2 / (count - 1)) * ANNUALISATION;
    }

    double sortino() {
        if (count < 1 || downsideSquares <= 0) {
            return Double.NaN;
        }
        return mean / Math.sqrt(downsideSquares / count) * ANNUALISATION;
    }

    private void closeHour() {
        if (hasPrevious && previous > 0) {
            addReturn(current / previous - 1);
        }
        previous = current;
        hasPrevious = true;
    }

    private void addReturn(double r) {
        count++;
        double delta = r - mean;
        mean += delta / count;
        m2 += delta * (r - mean);
        if (r < 0) {
            downsideSquares += r * r;
        }
    }

    /** Merges {@code k} zero returns at once (Chan's pairwise update). */
    private void addZeros(long k) {
        if (k <= 0) {
            return;
        }
        long total = count + k;
        double delta = -mean;
        m2 += delta * delta * count * (double) k / total;
        mean += delta * k / total;
        count = total;
    }
}
