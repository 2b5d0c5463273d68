package io.cointrader.backtest;

/**
 * Maximum drawdown depth and the longest time under water of an equity curve, fed one point at a
 * time. Time under water runs from a peak until the equity is back at that peak, or until the last
 * point when it never is.
 */
final class DrawdownTracker {

    private boolean started;
    private double peak;
    private long peakTime;
    private long lastTime;
    private boolean underwater;
    private double maxDepth;
    private long longestSeconds;

    void add(long epochSecond, double value) {
        lastTime = epochSecond;
        if (!started) {
            started = true;
            peak = value;
            peakTime = epochSecond;
            return;
        }
        if (value >= peak) {
            if (underwater) {
                longestSeconds = Math.max(longestSeconds, epochSecond - peakTime);
                underwater = false;
            }
            peak = value;
            peakTime = epochSecond;
        } else {
            underwater = true;
            if (peak > 0) {
                maxDepth = Math.max(maxDepth, (peak - value) / peak);
            }
        }
    }

    /** Deepest fall from a running peak, in percent of that peak (0 for a curve that never falls). */
    double maxDepthPct() {
        return maxDepth * 100;
    }

    /** Longest time under water in seconds, the open stretch at the end included. */
    long longestSeconds() {
        return underwater ? Math.max(longestSeconds, lastTime - peakTime) : longestSeconds;
    }
}
